/**
 * API keys, their roles and their rate limits. A key comes in {@code Authorization: Bearer KEY} or
 * {@code ?key=KEY}; Dropwizard's auth filter and Jersey's {@code @RolesAllowed} do the checking,
 * Bucket4j the per-key token buckets.
 */
package org.parley.service.auth;
