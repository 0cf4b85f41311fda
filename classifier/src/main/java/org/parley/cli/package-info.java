/**
 * The command-line entry points behind scripts/: train (toxicity, stance, span tagger), evaluate (toxicity, stance,
 * spans), score, targets, import-page and word-counts, each a picocli command run through {@link org.parley.cli.Cli}.
 */
package org.parley.cli;
