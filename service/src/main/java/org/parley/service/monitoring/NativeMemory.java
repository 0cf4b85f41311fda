package org.parley.service.monitoring;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import org.bytedeco.javacpp.Pointer;

import java.util.List;

/**
 * {@code parley_native_physical_max_bytes}: JavaCPP's limit on the process's resident memory
 * ({@code -Dorg.bytedeco.javacpp.maxphysicalbytes}, scripts/serve's PARLEY_PHYSICAL; 0: none), to read
 * {@code process_resident_memory_bytes} against. Past it, every allocation JavaCPP tracks, ND4J's among them, is an
 * {@code OutOfMemoryError} ("Physical memory usage is too high") however empty the heap, and the heap's gauges cannot
 * warn of it: ND4J's arrays are outside the heap, allocated by libnd4j itself, so JavaCPP's own count of bytes
 * ({@code Pointer.totalBytes}, under a megabyte with both models loaded) says nothing of them; resident memory does.
 */
public final class NativeMemory extends Collector {
    @Override
    public List<MetricFamilySamples> collect() {
        return List.of(new GaugeMetricFamily("parley_native_physical_max_bytes",
                "JavaCPP's limit on the process's resident memory (org.bytedeco.javacpp.maxphysicalbytes; 0: none)",
                Pointer.maxPhysicalBytes()));
    }
}
