package org.parley.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.text.TextPipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Whether this checkout's text pipeline reads text as the one a bundle was trained with: its recorded
 * {@link PipelineFingerprint}'s probes are read again and compared. The figures quoted for a bundle were measured
 * through some pipeline; a text stage changed since (the thirty-second session's speller, 1dacd8b2) reads its
 * texts otherwise, which before was neither refused nor said. Said at every load (the service's start and reload,
 * {@code scripts/score}, {@code scripts/evaluate}, which also puts it in its JSON and report); refused where the
 * caller asks for it to be strict ({@link #enforce}).
 *
 * <p>A bundle trained before the check has no fingerprint: it {@link Status#UNRECORDED predates} it, unless a
 * sidecar beside it ({@code NAME.text-pipeline.json} for {@code NAME.zip}), or for a copy one of the shipped bundles',
 * holds one computed afterwards at its training commit for exactly that bundle (the same name, version and
 * {@code createdAt}); the message says so.
 */
public record PipelineCheck(Path file, Status status, String trainedAt, int probes, int differing, String example,
                            String digest, Path sidecar) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The longest probe text an example quotes in full. */
    private static final int QUOTED = 60;

    public enum Status {
        /** Every probe read as at training. */
        SAME,
        /** Some probes read otherwise. */
        DIFFERS,
        /** No fingerprint: trained before the check. */
        UNRECORDED
    }

    /**
     * Checks a bundle's provenance against {@code pipeline}, the pipeline its scores will be read through.
     *
     * @param wide whether the bundle's wide part reads the wide text (the toxicity bundle's)
     * @throws BundleException if the recorded fingerprint or its sidecar cannot be read
     */
    public static PipelineCheck of(Path file, JsonNode provenance, TextPipeline pipeline, boolean wide) {
        String commit = provenance.path("code").path("commit").asText("unknown");
        Recorded found = record(file, provenance);
        if (found == null) return new PipelineCheck(file, Status.UNRECORDED, commit, 0, 0, null, null, null);
        Path sidecar = found.sidecar();
        PipelineFingerprint then;
        try {
            then = PipelineFingerprint.fromJson(found.fingerprint());
        } catch (IllegalArgumentException e) {
            throw new BundleException(file, (sidecar != null ? sidecar + "'s " : "provenance.json's ")
                    + PipelineFingerprint.KEY + " cannot be read: " + e.getMessage());
        }
        if (wide && !then.wide())
            throw new BundleException(file, PipelineFingerprint.KEY + " records no wide text, which this bundle's wide part reads");
        PipelineFingerprint now = PipelineFingerprint.read(then.probes().stream().map(PipelineFingerprint.Probe::text).toList(), pipeline, then.wide());
        List<Integer> differ = then.differences(now);
        String example = differ.isEmpty() ? null : example(then.probes().get(differ.get(0)), now.probes().get(differ.get(0)));
        return new PipelineCheck(file, differ.isEmpty() ? Status.SAME : Status.DIFFERS, commit, then.probes().size(),
                differ.size(), example, then.digest(), sidecar);
    }

    /**
     * The fingerprint the bundle records: its provenance's, else that of a sidecar computed for it; null if none. For a
     * bundle that keeps another's part (a stance bundle's {@code targetModel}), which carries that part's record along.
     *
     * @throws BundleException if the sidecar cannot be read
     */
    public static JsonNode recorded(Path file, JsonNode provenance) {
        Recorded found = record(file, provenance);
        return found == null ? null : found.fingerprint();
    }

    /** The recorded fingerprint: the provenance's (no sidecar), else a sidecar's computed for this bundle; null if none. */
    private static Recorded record(Path file, JsonNode provenance) {
        JsonNode own = provenance.get(PipelineFingerprint.KEY);
        return own != null ? new Recorded(null, own) : sidecarNaming(file, provenance);
    }

    /** {@code NAME.text-pipeline.json} beside {@code NAME.zip}. */
    static Path sidecar(Path bundle) {
        String name = bundle.getFileName().toString();
        return bundle.resolveSibling((name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name) + ".text-pipeline.json");
    }

    /**
     * The sidecar computed for this bundle: beside it, else among the shipped bundles' ({@link Bundles#shipped()}'s
     * directory), so that a shipped bundle copied elsewhere without its sidecar is still known (it read as predating
     * the check before). Null if none names it.
     */
    private static Recorded sidecarNaming(Path bundle, JsonNode provenance) {
        Path beside = sidecar(bundle);
        JsonNode fingerprint = sidecarFingerprint(beside, provenance);
        if (fingerprint != null) return new Recorded(beside, fingerprint);
        Path shipped = Bundles.shipped().toAbsolutePath().getParent();
        if (shipped == null || !Files.isDirectory(shipped)) return null;
        try (var files = Files.list(shipped)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".text-pipeline.json")).sorted().toList()) {
                if (f.equals(beside.toAbsolutePath())) continue;
                fingerprint = sidecarFingerprint(f, provenance);
                if (fingerprint != null) return new Recorded(f, fingerprint);
            }
        } catch (IOException e) {
            throw new BundleException(shipped, "cannot be listed: " + e.getMessage(), e);
        }
        return null;
    }

    /** A fingerprint, and the sidecar it was read from (null: the provenance). */
    private record Recorded(Path sidecar, JsonNode fingerprint) {}

    /** The sidecar's fingerprint if it names this bundle (name, version, createdAt), else null. */
    private static JsonNode sidecarFingerprint(Path sidecar, JsonNode provenance) {
        if (!Files.isRegularFile(sidecar)) return null;
        JsonNode json;
        try {
            json = JSON.readTree(sidecar.toFile());
        } catch (IOException e) {
            throw new BundleException(sidecar, "cannot be read: " + e.getMessage(), e);
        }
        JsonNode of = json.path("bundle");
        for (String field : List.of("name", "version", "createdAt"))
            if (!of.path(field).isTextual() || !of.get(field).asText().equals(provenance.path(field).asText(null))) return null;
        return json.get(PipelineFingerprint.KEY);
    }

    /** The first probe read otherwise, old reading against new: its tokens where they differ, else its wide text. */
    private static String example(PipelineFingerprint.Probe then, PipelineFingerprint.Probe now) {
        String text = then.text().length() > QUOTED ? then.text().substring(0, QUOTED) + "…" : then.text();
        String quoted = JSON.getNodeFactory().textNode(text).toString(); // escapes control characters
        if (!then.tokens().equals(now.tokens()))
            return quoted + ": tokens at training " + then.tokens() + ", now " + now.tokens();
        return quoted + ": wide text at training " + JSON.getNodeFactory().textNode(then.wideText())
                + ", now " + JSON.getNodeFactory().textNode(now.wideText());
    }

    /** One line: what the check found, with the bundle's path. */
    public String message() {
        return switch (status) {
            case SAME -> String.format(Locale.ROOT, "%s: this checkout's text pipeline reads the %d probe texts as the one it "
                    + "was trained with (commit %s; fingerprint %s%s)", file, probes, trainedAt, digest.substring(0, 12), from());
            case DIFFERS -> String.format(Locale.ROOT, "%s: this checkout's text pipeline reads %d of the %d probe texts otherwise "
                    + "than the one it was trained with (commit %s%s), e.g. %s; figures measured with it hold for that pipeline, "
                    + "not necessarily this one", file, differing, probes, trainedAt, from(), example);
            case UNRECORDED -> String.format(Locale.ROOT, "%s predates the pipeline check; trained at commit %s: whether this "
                    + "checkout's text pipeline reads text as that one did is not recorded", file, trainedAt);
        };
    }

    private String from() {
        if (sidecar == null) return "";
        // Named alone beside the bundle; in full where it was found among the shipped bundles'.
        boolean beside = sidecar.toAbsolutePath().equals(sidecar(file).toAbsolutePath());
        return "; fingerprint computed at that commit afterwards, " + (beside ? sidecar.getFileName() : sidecar);
    }

    /** Whether scores through this pipeline may differ from those measured at training. */
    public boolean warns() {
        return status != Status.SAME;
    }

    /**
     * This check, or a refusal where {@code strict} and the bundle is not shown to read text as it was trained to
     * (read otherwise, or not recorded).
     *
     * @param setting what made it strict, for the message ("--strict-pipeline", "strictPipeline: true")
     */
    public PipelineCheck enforce(boolean strict, String setting) {
        if (strict && warns())
            throw new BundleException(file, "refused (" + setting + "): " + message()
                    + "; retrain the bundle at this commit, or load it without " + setting);
        return this;
    }

    /** For scripts/evaluate's JSON; the status as the service's GET /v1/admin/model names it. */
    public ObjectNode toJson() {
        ObjectNode out = JSON.createObjectNode().put("bundle", file.toString()).put("status", status.name())
                .put("trainedAt", trainedAt);
        if (status != Status.UNRECORDED) {
            out.put("probes", probes).put("differing", differing).put("fingerprint", digest);
            if (example != null) out.put("example", example);
            if (sidecar != null) out.put("recordedIn", sidecar.toString());
        }
        out.put("message", message());
        return out;
    }
}
