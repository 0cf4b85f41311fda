package org.parley.service.resources;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.parley.label.Attribute;
import org.parley.model.ModelBundle;
import org.parley.score.Scorer;
import org.parley.service.api.ScoreRequest;
import org.parley.service.api.ScoreResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** POST /v1/score: the six attribute probabilities of one comment. */
@Path("/v1/score")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class ScoreResource {
    private final Scorer model;
    private final ScoreResponse.ModelInfo info;

    public ScoreResource(Scorer model, ModelBundle bundle) {
        this.model = model;
        this.info = new ScoreResponse.ModelInfo(bundle.name(), bundle.version(), bundle.checksum());
    }

    @POST
    public ScoreResponse score(@NotNull @Valid ScoreRequest request) {
        float[] s = model.score(List.of(request.comment().text()))[0];
        Map<String, ScoreResponse.AttributeScore> attrs = new LinkedHashMap<>();
        for (Attribute a : Attribute.values()) attrs.put(a.name(), new ScoreResponse.AttributeScore(s[a.ordinal()]));
        return new ScoreResponse(request.id(), attrs, info);
    }
}
