/**
 * Request and response bodies of the /v1 API, as immutable records. Checks that need more than
 * types (lengths, known attributes) live in {@link org.parley.service.core.RequestChecks}, so that
 * every failure names its field and limit in one format.
 */
package org.parley.service.api;
