package org.parley.service;

import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.dropwizard.testing.ConfigOverride.config;
import static org.junit.jupiter.api.Assertions.*;

class ParleyApplicationTest {
    @TempDir Path dir;

    @Test
    void aCorruptBundleStopsStartUpNamingTheFile() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken-model.zip"), "not a bundle");
        DropwizardAppExtension<ParleyConfiguration> app = new DropwizardAppExtension<>(ParleyApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), config("model", broken.toString()));
        Exception e = assertThrows(Exception.class, app::before);
        Throwable root = e;
        while (root.getCause() != null && !root.getMessage().contains("broken-model.zip")) root = root.getCause();
        assertTrue(root.getMessage().contains("broken-model.zip") && root.getMessage().contains("zip"), root.getMessage());
    }
}
