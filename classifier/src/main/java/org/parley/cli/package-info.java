/** The command-line entry points behind scripts/: train, evaluate, score. */
package org.parley.cli;
