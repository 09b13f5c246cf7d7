package dev.phonehome.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory peaks of this JVM: heap used, sampled every few milliseconds (the figure GC actually had to hold),
 * the sum of the heap pools' own peaks (an upper bound: the pools peak at different moments), and the resident
 * set's high-water mark from {@code /proc/self/status} (VmHWM: heap, metaspace, code, threads, H2's caches...).
 */
final class ProcessPeaks {

	private final AtomicLong peakHeapUsed = new AtomicLong();

	private final Thread sampler;

	private ProcessPeaks() {
		this.sampler = new Thread(this::sample, "bench-heap-sampler");
		this.sampler.setDaemon(true);
	}

	static ProcessPeaks start() {
		ProcessPeaks peaks = new ProcessPeaks();
		peaks.sampler.start();
		return peaks;
	}

	private void sample() {
		var memory = ManagementFactory.getMemoryMXBean();
		while (true) {
			peakHeapUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/** Writes the peaks as properties (bytes) to {@code file}. */
	void writeTo(Path file) {
		Properties p = new Properties();
		p.setProperty("heap.peak.sampled", Long.toString(peakHeapUsed.get()));
		long poolPeaks = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
				poolPeaks += pool.getPeakUsage().getUsed();
			}
		}
		p.setProperty("heap.peak.pools", Long.toString(poolPeaks));
		p.setProperty("heap.max", Long.toString(Runtime.getRuntime().maxMemory()));
		p.setProperty("rss.peak", Long.toString(vmHwmBytes()));
		// CPU time of the whole process (every thread): on a shared, loaded machine the one figure the others'
		// load does not inflate much
		p.setProperty("cpu.millis", Long.toString(ProcessHandle.current().info().totalCpuDuration()
			.map(java.time.Duration::toMillis).orElse(-1L)));
		p.setProperty("gc.millis", Long.toString(ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(gc -> Math.max(0, gc.getCollectionTime()))
			.sum()));
		try (var out = Files.newOutputStream(file)) {
			p.store(out, "bench process peaks");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long vmHwmBytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (IOException ex) {
			// not Linux: no RSS figure
		}
		return -1;
	}

}
