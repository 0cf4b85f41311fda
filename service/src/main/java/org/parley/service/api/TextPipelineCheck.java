package org.parley.service.api;

import org.parley.model.PipelineCheck;

/**
 * A served bundle's text-pipeline check ({@link PipelineCheck}) as {@code GET /v1/admin/model} answers it: whether this
 * checkout's text pipeline reads the bundle's recorded probe texts as its training did. Before, the result was in the
 * start-up and reload log only, where an operator asking the service what it serves did not see it.
 *
 * @param bundle    the bundle's path (the span tagger's: {@code span-tagger.zip (classifier jar)})
 * @param probes    how many probe texts the bundle records; null when it records none ({@link PipelineCheck.Status#UNRECORDED})
 * @param differing how many of them this pipeline reads otherwise; null when it records none
 * @param trainedAt the commit the bundle was trained at, as its provenance names it ("unknown" where it names none)
 * @param message   the line the service logs, naming the bundle and, where they differ, one probe read otherwise
 */
public record TextPipelineCheck(String bundle, PipelineCheck.Status status, Integer probes, Integer differing,
                                String trainedAt, String message) {
    public static TextPipelineCheck of(PipelineCheck check) {
        boolean recorded = check.status() != PipelineCheck.Status.UNRECORDED;
        return new TextPipelineCheck(check.file().toString(), check.status(), recorded ? check.probes() : null,
                recorded ? check.differing() : null, check.trainedAt(), check.message());
    }
}
