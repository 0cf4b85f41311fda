/**
 * What an operator watches: the admin port's metrics in Prometheus's text format ({@link PrometheusEndpoint}),
 * the request log lines dropped above capacity ({@link DroppedLines}), the moderation queues' sizes and how long
 * their oldest comments have waited ({@link QueueGauges}), JSON logs ({@link LogFormat}) and the id that links a
 * request's request log line to its application log lines ({@link RequestIds}).
 */
package org.parley.service.monitoring;
