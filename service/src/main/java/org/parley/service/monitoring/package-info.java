/**
 * What an operator watches: the admin port's metrics in Prometheus's text format ({@link PrometheusEndpoint}),
 * the request log lines dropped above capacity ({@link DroppedLines}), the moderation queues' sizes
 * ({@link QueueGauges}) and JSON logs ({@link LogFormat}).
 */
package org.parley.service.monitoring;
