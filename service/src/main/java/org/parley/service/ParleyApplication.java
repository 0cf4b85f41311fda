package org.parley.service;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import org.parley.model.ModelBundle;
import org.parley.model.ToxicityModel;
import org.parley.service.health.ModelHealthCheck;
import org.parley.service.resources.ScoreResource;
import org.parley.text.TextPipeline;

import java.nio.file.Path;

/** The Parley scoring service. All wiring is visible in {@link #run}. */
public class ParleyApplication extends Application<ParleyConfiguration> {

    public static void main(String[] args) throws Exception {
        new ParleyApplication().run(args);
    }

    @Override
    public String getName() {
        return "parley";
    }

    @Override
    public void initialize(Bootstrap<ParleyConfiguration> bootstrap) {
        // ${PORT:-8080} and friends in config.yml; a missing variable without default is an error.
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    }

    @Override
    public void run(ParleyConfiguration config, Environment env) {
        // A missing, corrupt or incompatible bundle throws here, naming the file: no half-started service.
        ModelBundle bundle = ModelBundle.load(Path.of(config.getModel()));
        ToxicityModel model = new ToxicityModel(bundle, TextPipeline.standard(), config.getModelCopies());

        env.jersey().register(new ScoreResource(model, bundle));
        env.healthChecks().register("model", new ModelHealthCheck(model));
    }
}
