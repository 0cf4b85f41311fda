package org.parley.service;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.dropwizard.testing.ConfigOverride.config;

/**
 * The whole service on port 0 with the shipped bundles and test-config.yml, as ParleyApplicationTest and
 * OpenApiContractTest start it: one set-up, so the contract is checked against the service the other tests drive.
 */
final class ShippedService {
    static final Path MODEL = Path.of(ResourceHelpers.resourceFilePath("test-config.yml"))
            .getParent().resolve("../../../models/toxicity.zip").normalize();
    static final Path STANCE_MODEL = MODEL.resolveSibling("stance.zip");
    static final String PUBLIC_URL = "https://comments.example.com/parley";
    /** Origins corsOrigins names. */
    static final String CORS_ORIGINS = "https://news.example.com, http://localhost:3000";

    private ShippedService() {}

    /** The extension, with {@code more} overrides after the shared ones. */
    static DropwizardAppExtension<ParleyConfiguration> extension(ConfigOverride... more) {
        List<ConfigOverride> all = new ArrayList<>(List.of(config("model", MODEL.toString()),
                config("stanceModel", STANCE_MODEL.toString()), config("publicUrl", PUBLIC_URL), config("corsOrigins", CORS_ORIGINS)));
        all.addAll(List.of(more));
        return new DropwizardAppExtension<>(ParleyApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
                all.toArray(ConfigOverride[]::new));
    }
}
