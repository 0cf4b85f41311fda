package org.parley.service;

import io.dropwizard.core.Configuration;

/** Service configuration (config.yml, with environment overrides). */
public class ParleyConfiguration extends Configuration {
}
