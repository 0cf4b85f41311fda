package org.parley.cli;

import org.parley.explain.SpanEvaluation;

/**
 * scripts/evaluate-spans: runs {@link SpanEvaluation} as the other entry points run their commands.
 * The evaluation's options and work stay in explain, beside the package-private span code they use;
 * only the entry point is here, so that explain does not import cli.
 */
public final class EvaluateSpans {
    private EvaluateSpans() {}

    public static void main(String[] args) {
        System.exit(Cli.execute(new SpanEvaluation(), args));
    }
}
