package org.parley.service.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.parley.label.Attribute;
import org.parley.service.api.perspective.AnalyzeRequest;
import org.parley.service.api.perspective.AnalyzeResponse;
import org.parley.service.api.perspective.GoogleError;
import org.parley.service.api.perspective.SuggestScoreRequest;
import org.parley.service.api.perspective.SuggestScoreResponse;
import org.parley.service.auth.Caller;
import org.parley.service.access.Role;
import org.parley.service.core.ModelHolder;
import org.parley.service.core.RequestChecks;
import org.parley.service.core.ScoringGate;
import org.parley.service.core.ScoringWork;
import org.parley.service.core.ServedModel;
import org.parley.service.errors.ApiException;
import org.parley.service.store.FeedbackStore;
import org.parley.score.SentenceScores;
import org.parley.text.Language;
import org.parley.text.Sentences;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Perspective API's AnalyzeComment and SuggestCommentScore, so existing clients can point at
 * Parley. As in Perspective, span scores are per sentence, and a comment sent without
 * {@code languages} is checked for its language: one that is clearly not English is refused
 * ({@link Language}), and {@code detectedLanguages} says "en" otherwise.
 */
@Path("/v1alpha1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.WEBSITE_NAME)
public final class PerspectiveResource {
    static final List<String> LANGUAGES = List.of("en");
    private static final String PROBABILITY = "PROBABILITY";

    private final ModelHolder models;
    private final FeedbackStore feedback;
    private final Language language;
    private final ScoringGate gate;

    /** No limit on requests scoring at once (the resource tests). */
    public PerspectiveResource(ModelHolder models, FeedbackStore feedback, Language language) {
        this(models, feedback, language, ScoringGate.open());
    }

    /** @param gate admits a comment to its scoring, once the request is read and checked */
    public PerspectiveResource(ModelHolder models, FeedbackStore feedback, Language language, ScoringGate gate) {
        this.gate = gate;
        this.models = models;
        this.feedback = feedback;
        this.language = language;
    }

    /** A scorer key's too: it stores nothing, whatever doNotStore says (suggestscore, which stores, stays website). */
    @POST
    @Path("/comments:analyze")
    @RolesAllowed(Role.SCORER_NAME)
    @Timed(name = "analyze")
    @ExceptionMetered(name = "analyze")
    public AnalyzeResponse analyze(AnalyzeRequest request) {
        if (request == null) throw ApiException.badField("body", "expected a JSON object with comment.text");
        String text = RequestChecks.text(request.comment() == null ? null : request.comment().text(), "comment.text");
        plainText(request.comment());
        RequestChecks.optional(request.clientToken(), "clientToken", RequestChecks.MAX_CLIENT_TOKEN);
        Map<Attribute, Double> thresholds = requested(request.requestedAttributes());
        // The attribute a language refusal names: the caller's first, as it asked for them.
        String first = RequestChecks.attribute(request.requestedAttributes().keySet().iterator().next(), "requestedAttributes").name();
        languages(request.languages(), first);
        // As in Perspective: languages named by the caller are taken as they are, else detected.
        boolean detect = request.languages() == null || request.languages().isEmpty();
        // One detection for most texts: whatever foreign() refuses, likelyForeign() names too (Language.foreign).
        Optional<Language.Guess> likely = detect ? language.likelyForeign(text) : Optional.empty();
        if (likely.isPresent()) language.foreign(text).ifPresent(g -> {
            throw ApiException.badField("comment.text", "Attribute " + first
                    + " does not support request languages: " + g.language() + " (detected in comment.text with probability "
                    + String.format(Locale.ROOT, "%.3f", g.probability()) + "; Parley scores English only; send "
                    + "\"languages\": [\"en\"] to score it as English anyway)")
                    .withGoogleDetail(GoogleError.languageNotSupported(first, List.of(), List.of(g.language())));
        });
        boolean spans = Boolean.TRUE.equals(request.spanAnnotations());

        Scored scored = gate.run(ScoringWork.text(text), () -> score(models.current(), text, spans));
        float[] scores = scored.scores();
        List<SentenceScores.Scored> sentences = scored.sentences();

        Map<String, AnalyzeResponse.AttributeScores> out = new LinkedHashMap<>();
        thresholds.forEach((a, threshold) -> {
            float p = scores[a.ordinal()];
            // As floats: the score answered is the float's shortest decimal, which as a double may lie above the float, so
            // a threshold copied from an answer left that score out (a Perspective-client audit, sixty-ninth session).
            if (threshold != null && p < threshold.floatValue()) return;
            List<AnalyzeResponse.SpanScore> spanScores = null;
            if (spans) {
                spanScores = new ArrayList<>(sentences.size());
                for (SentenceScores.Scored sentence : sentences)
                    spanScores.add(new AnalyzeResponse.SpanScore(sentence.begin(), sentence.end(),
                            AnalyzeResponse.Score.probability(sentence.probabilities()[a.ordinal()])));
            }
            out.put(a.name(), new AnalyzeResponse.AttributeScores(spanScores, AnalyzeResponse.Score.probability(p)));
        });
        // Scored as English ("languages"), but a comment that looks to be in another language says so, as
        // /v1/score's "language" does: "en" would claim a reading the scores do not have.
        List<String> detected = detect ? List.of(likely.map(Language.Guess::language).orElse("en")) : null;
        return new AnalyzeResponse(out, LANGUAGES, detected, request.clientToken());
    }

    @POST
    @Path("/comments:suggestscore")
    @Timed(name = "suggestscore")
    @ExceptionMetered(name = "suggestscore")
    public SuggestScoreResponse suggestScore(SuggestScoreRequest request, @Context SecurityContext security) {
        if (request == null) throw ApiException.badField("body", "expected a JSON object with comment.text and attributeScores");
        String text = RequestChecks.text(request.comment() == null ? null : request.comment().text(), "comment.text");
        plainText(request.comment());
        RequestChecks.optional(request.clientToken(), "clientToken", RequestChecks.MAX_CLIENT_TOKEN);
        if (Boolean.TRUE.equals(request.doNotStore()))
            throw ApiException.badField("doNotStore", "doNotStore cannot be true here: suggestscore stores the text and "
                    + "the suggested scores for retraining; leave it out to send feedback");
        languages(request.languages(), null);
        if (request.attributeScores() == null || request.attributeScores().isEmpty())
            throw ApiException.badField("attributeScores", "attributeScores must name at least one attribute");
        Map<Attribute, Double> labels = new EnumMap<>(Attribute.class);
        request.attributeScores().forEach((name, score) -> {
            String field = "attributeScores." + name + ".summaryScore.value";
            Attribute a = RequestChecks.attribute(name, "attributeScores." + name);
            if (score == null || score.summaryScore() == null)  // its value may be left out (0), not the score itself
                throw ApiException.badField("attributeScores." + name + ".summaryScore", "attributeScores." + name + ".summaryScore is required");
            if (!probability(score.summaryScore().type()))
                throw ApiException.badField("attributeScores." + name + ".summaryScore.type",
                        "attributeScores." + name + ".summaryScore.type must be PROBABILITY or SCORE_TYPE_UNSPECIFIED (or left out)");
            double v = score.summaryScore().valueOrDefault();
            if (!(v >= 0 && v <= 1)) throw ApiException.badField(field, field + " must be in [0, 1]");
            labels.put(a, v);
        });
        // Committed before the 200, like every write to the moderation store.
        // Stored with the language it looks to be in, as a comment is: export leaves such suggestions out. Languages
        // the caller names are taken as they are, as in analyze.
        boolean detect = request.languages() == null || request.languages().isEmpty();
        String foreign = detect ? language.likelyForeign(text).map(Language.Guess::language).orElse(null) : null;
        Caller caller = (Caller) security.getUserPrincipal();  // its site: an export of that site holds the suggestion
        feedback.append(text, labels, caller.getName(), foreign, caller.site(), Instant.now());
        // As analyze answers: the languages named, else the one detected.
        return new SuggestScoreResponse(detect ? List.of(foreign == null ? "en" : foreign) : null, request.clientToken(),
                detect ? null : request.languages());
    }

    /** The comment's scores and, with spans, each of its sentences with its own. */
    private record Scored(float[] scores, List<SentenceScores.Scored> sentences) {}

    /**
     * As /v1/score does, the comment is tokenised once, by the explainer's pipeline, and cut into sentences
     * ({@link SentenceScores}: a blank line ends one too; not the sentence rule's windows, as Perspective's spans are
     * sentences), each scored from the comment's tokens, in the comment's own scorer call (it was a second); a
     * comment of one sentence is described by its own scores.
     */
    private static Scored score(ServedModel model, String text, boolean spans) {
        if (!spans) return new Scored(model.scorer().score(List.of(text))[0], List.of());
        TextPipeline pipeline = model.explainer().pipeline();
        List<Token> tokens = pipeline.tokenize(text);
        SentenceScores.WithComment scored = SentenceScores.withComment(model.scorer(), pipeline, text, tokens);
        float[] scores = scored.comment();
        List<SentenceScores.Scored> sentences = scored.sentences();
        if (sentences.isEmpty())
            sentences = Sentences.slices(text, tokens).stream().map(s -> new SentenceScores.Scored(s.begin(), s.end(), scores)).toList();
        // No token at all ("<b>"): the whole text, as every other comment has a span at least (a client read spanScores[0]).
        if (sentences.isEmpty()) sentences = List.of(new SentenceScores.Scored(0, text.length(), scores));
        return new Scored(scores, sentences);
    }

    /**
     * As in Perspective, only plain text is read: HTML would be scored tags and all. The protobuf
     * default, TEXT_TYPE_UNSPECIFIED, means plain text there, and a client generated from the
     * discovery document may send it.
     */
    private static void plainText(AnalyzeRequest.TextEntry comment) {
        if (comment.type() != null && !comment.type().equals("PLAIN_TEXT") && !comment.type().equals("TEXT_TYPE_UNSPECIFIED"))
            throw ApiException.badField("comment.type", "comment.type must be PLAIN_TEXT or TEXT_TYPE_UNSPECIFIED (or left out)");
    }

    /** A score type Parley can give: PROBABILITY, or left out or SCORE_TYPE_UNSPECIFIED (the protobuf default), which mean it. */
    private static boolean probability(String type) {
        return type == null || PROBABILITY.equals(type) || "SCORE_TYPE_UNSPECIFIED".equals(type);
    }

    /**
     * Parley's model reads English only; anything else is refused rather than scored badly, with
     * Perspective's typed error when there is an attribute to name.
     */
    private static void languages(List<String> languages, String attribute) {
        if (languages == null) return;
        for (int i = 0; i < languages.size(); i++) {
            String l = languages.get(i);
            // A null is a malformed list, not a language called 'null' with Perspective's typed detail.
            if (l == null) throw ApiException.badField("languages[" + i + "]", "languages[" + i + "] must be a language code such as en, not null");
            if (!l.toLowerCase(Locale.ROOT).matches("en([-_][a-z0-9]+)*")) {
                ApiException refused = ApiException.badField("languages[" + i + "]",
                        "language '" + ApiException.shown(l) + "' is not supported; supported: " + LANGUAGES);
                // Perspective's requestedLanguages are the caller's, all of them, not only the one refused.
                throw attribute == null ? refused : refused.withGoogleDetail(GoogleError.languageNotSupported(attribute,
                        languages.stream().map(x -> String.valueOf(ApiException.shown(x))).toList(), List.of()));
            }
        }
    }

    /** Requested attribute → its scoreThreshold (null: none). */
    private static Map<Attribute, Double> requested(Map<String, AnalyzeRequest.AttributeParameters> requested) {
        if (requested == null || requested.isEmpty())
            throw ApiException.badField("requestedAttributes", "requestedAttributes must name at least one of " + RequestChecks.known());
        Map<Attribute, Double> out = new EnumMap<>(Attribute.class);
        requested.forEach((name, params) -> {
            Attribute a = RequestChecks.attribute(name, "requestedAttributes." + name);
            Double threshold = null;
            if (params != null) {
                if (!probability(params.scoreType()))
                    throw ApiException.badField("requestedAttributes." + name + ".scoreType", "scoreType must be PROBABILITY or SCORE_TYPE_UNSPECIFIED (or left out)");
                threshold = params.scoreThreshold();
                if (threshold != null && !(threshold >= 0 && threshold <= 1))
                    throw ApiException.badField("requestedAttributes." + name + ".scoreThreshold", "scoreThreshold must be in [0, 1]");
            }
            out.put(a, threshold);
        });
        return out;
    }
}
