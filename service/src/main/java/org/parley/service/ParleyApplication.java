package org.parley.service;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Environment;

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
    public void run(ParleyConfiguration config, Environment env) {
    }
}
