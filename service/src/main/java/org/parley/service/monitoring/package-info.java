/**
 * What an operator watches: the admin port's metrics in Prometheus's text format ({@link PrometheusEndpoint}), among
 * them each endpoint's latency ({@link EndpointLatency}), what the policy saw and decided ({@link PolicyInputs}), the
 * bundles served ({@link ServedModels}), their text-pipeline checks ({@link ServedPipelines}) and JavaCPP's memory
 * limit ({@link NativeMemory}); the request log lines dropped above capacity ({@link DroppedLines}), the moderation queues' sizes and how long their oldest comments have
 * waited ({@link QueueGauges}), the erasure log's free bytes ({@link ErasureLogRoomGauge}), JSON logs ({@link LogFormat}), the pool's warning for a broken connection as one line
 * ({@link BrokenConnectionWarning}), application log queues that drop no line
 * ({@link LogQueues}) and the id that links a request's request log line to its application log lines
 * ({@link RequestIds}).
 */
package org.parley.service.monitoring;
