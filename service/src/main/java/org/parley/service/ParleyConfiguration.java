package org.parley.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

/** Service configuration: config.yml, with ${ENV:-default} substitutions. */
public class ParleyConfiguration extends Configuration {
    /** The model bundle to serve; relative paths resolve against the working directory. */
    @NotEmpty
    private String model = "models/toxicity.zip";

    /** Private copies of the network, so that this many requests can run the model at once. */
    @Min(1)
    private int modelCopies = 2;

    @JsonProperty
    public String getModel() {
        return model;
    }

    @JsonProperty
    public void setModel(String model) {
        this.model = model;
    }

    @JsonProperty
    public int getModelCopies() {
        return modelCopies;
    }

    @JsonProperty
    public void setModelCopies(int modelCopies) {
        this.modelCopies = modelCopies;
    }
}
