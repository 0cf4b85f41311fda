/**
 * Google's HTTP batch for the Perspective-compatible endpoints: {@code POST /batch} (the discovery document's
 * {@code batchPath}) takes a {@code multipart/mixed} body whose parts are {@code application/http} requests, as
 * Google's client libraries send them ({@code new_batch_http_request()} in Python), and answers each part in a
 * {@code multipart/mixed} answer. {@link org.parley.service.batch.BatchServlet} runs every part through the same
 * Jersey application, filters and scoring gate as a request sent alone; the parts are read by Apache James mime4j
 * ({@link org.parley.service.batch.BatchParts}), each part's request line and headers here ({@link
 * org.parley.service.batch.InnerRequest}).
 */
package org.parley.service.batch;
