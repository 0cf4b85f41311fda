/**
 * Command-line tasks on the service's configuration and database (run through the service jar). A failure is one
 * line at the terminal ({@link org.parley.service.cli.CommandErrors}), not a stack trace; the reason in it, as in a
 * command's own line about one erasure or file, is {@code store.FailureReason}'s.
 */
package org.parley.service.cli;
