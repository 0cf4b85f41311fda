package org.parley.service.moderation;

import java.time.Instant;

/** A reader's report as stored; {@code open} while no moderator has decided on the comment since. */
public record ReaderReport(String reason, Instant reportedAt, boolean open) {}
