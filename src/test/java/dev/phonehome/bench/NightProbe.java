package dev.phonehome.bench;

import java.nio.file.Path;

import dev.phonehome.PhoneHomeApplication;

/**
 * The night's child JVM: phonehome's real {@code main} (the CLI as an operator runs it, {@code run --home ...}),
 * with the memory peaks written to {@code -Dbench.peaks=FILE} when the process exits.
 */
public final class NightProbe {

	private NightProbe() {
	}

	public static void main(String[] args) {
		ProcessPeaks peaks = ProcessPeaks.start();
		Path out = Path.of(System.getProperty("bench.peaks"));
		Runtime.getRuntime().addShutdownHook(new Thread(() -> peaks.writeTo(out)));
		PhoneHomeApplication.main(args);
	}

}
