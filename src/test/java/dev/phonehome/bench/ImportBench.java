package dev.phonehome.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import dev.phonehome.installation.InstallationCollection;

/**
 * The import side of the benchmark (issue 13 §4): a size's synthetic store written out as a mongoexport dump
 * ({@link DumpFiles}), then {@code phonehome import --from DUMP} through the real CLI in a fresh child JVM (same
 * heap as the night) into an empty home, timed by the job repository's steps; the imported store must hold exactly
 * the generated store's rows, table for table, or the result is marked failed.
 */
final class ImportBench {

	/** Every table an import fills: the six collections and the three child tables of their arrays. */
	static final List<String> TABLES = List.of("companies", "teams", "team_admins", "users", "user_teams",
			"user_providers", "posts", "codemarks", "reviews");

	static final String JOB_NAME = "importJob";

	private ImportBench() {
	}

	static ImportResult run(BenchSize size, Path home, String storeUrl, String heap, int repeat, boolean jfr)
			throws Exception {
		return run(size, home, storeUrl, heap, repeat, jfr, false);
	}

	/** As {@link #run}; {@code keepImported} leaves the last imported home ({@code <size>-import}) in place. */
	static ImportResult run(BenchSize size, Path home, String storeUrl, String heap, int repeat, boolean jfr,
			boolean keepImported) throws Exception {
		Path dump = home.resolveSibling(size.name() + "-dump");
		Duration writing = Duration.ZERO;
		if (!Files.isRegularFile(dump.resolve(InstallationCollection.REVIEWS.dumpFileName()))) {
			System.out.printf("   writing the mongoexport dump to %s (load %s)%n", dump, Bench.loadAverage());
			long t0 = System.nanoTime();
			DumpFiles.write(storeUrl, dump);
			writing = Duration.ofNanos(System.nanoTime() - t0);
		}
		long documents = documents(dump);
		long dumpBytes = bytes(dump);
		System.out.printf("   dump: %,d documents, %,d MB (written in %.1f s)%n", documents, dumpBytes >> 20,
				Bench.seconds(writing));
		ImportResult best = null;
		for (int run = 1; run <= repeat; run++) {
			Path target = home.resolveSibling(size.name() + "-import");
			Bench.deleteRecursively(target);
			Files.createDirectories(target);
			Path peaks = target.resolve("import-peaks.properties");
			List<String> options = new ArrayList<>(List.of("-Dbench.peaks=" + peaks));
			// e.g. -Dbench.import.options=-Dphonehome.import.chunk-size=1000 to compare settings
			String extra = System.getProperty("bench.import.options", "").trim();
			if (!extra.isEmpty()) {
				options.addAll(List.of(extra.split("\\s+")));
			}
			if (jfr) {
				options.add("-XX:StartFlightRecording=filename="
						+ home.resolveSibling(size.name() + "-import-" + run + ".jfr"));
			}
			System.out.printf("   import %d/%d: phonehome import (child JVM, -Xmx%s), load %s%n", run, repeat, heap,
					Bench.loadAverage());
			long t1 = System.nanoTime();
			int exit = Bench.child(home.resolveSibling(size.name() + "-import-" + run + ".log"), heap, options,
					NightProbe.class.getName(), "import", "--home", target.toString(), "--from", dump.toString());
			Duration wall = Duration.ofNanos(System.nanoTime() - t1);
			List<StepTiming> steps;
			String mismatch;
			try (Connection imported = DriverManager.getConnection(url(target), "sa", "");
					Connection generated = DriverManager.getConnection(storeUrl, "sa", "")) {
				steps = StepTiming.lastExecution(imported, JOB_NAME);
				mismatch = compare(generated, imported);
			}
			ImportResult result = new ImportResult(size, documents, dumpBytes, exit, steps, wall, load(peaks),
					mismatch);
			System.out.println("   " + result.line());
			best = (best == null || result.job().compareTo(best.job()) < 0) ? result : best;
			if (!result.completed()) {
				best = result;
				break;
			}
			if (!keepImported || run < repeat) {
				Bench.deleteRecursively(target);
			}
		}
		return best;
	}

	/** Null when every table holds the same number of rows in both stores; else which ones differ. */
	private static String compare(Connection generated, Connection imported) throws SQLException {
		List<String> differ = new ArrayList<>();
		for (String table : TABLES) {
			long expected = count(generated, table);
			long actual = count(imported, table);
			if (expected != actual) {
				differ.add(table + " " + actual + " of " + expected);
			}
		}
		return differ.isEmpty() ? null : String.join(", ", differ);
	}

	private static long count(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static long documents(Path dump) throws IOException {
		long lines = 0;
		for (InstallationCollection collection : InstallationCollection.values()) {
			try (Stream<String> stream = Files.lines(dump.resolve(collection.dumpFileName()))) {
				lines += stream.filter(l -> !l.isBlank()).count();
			}
		}
		return lines;
	}

	private static long bytes(Path dump) throws IOException {
		long bytes = 0;
		for (InstallationCollection collection : InstallationCollection.values()) {
			bytes += Files.size(dump.resolve(collection.dumpFileName()));
		}
		return bytes;
	}

	private static String url(Path home) {
		return "jdbc:h2:file:" + home.resolve("store/phonehome") + ";DB_CLOSE_ON_EXIT=FALSE";
	}

	private static Properties load(Path file) throws IOException {
		Properties p = new Properties();
		if (Files.exists(file)) {
			try (var in = Files.newInputStream(file)) {
				p.load(in);
			}
		}
		return p;
	}

	/** One size's import. */
	record ImportResult(BenchSize size, long documents, long dumpBytes, int exit, List<StepTiming> steps,
			Duration wall, Properties peaks, String mismatch) {

		boolean completed() {
			return exit == 0 && mismatch == null && steps.get(0).status().equals("COMPLETED");
		}

		Duration job() {
			return steps.get(0).duration();
		}

		double documentsPerSecond() {
			return documents / Bench.seconds(job());
		}

		double documentsPerProcessSecond() {
			return documents / Bench.seconds(wall);
		}

		double cpuSeconds() {
			return Long.parseLong(peaks.getProperty("cpu.millis", "-1")) / 1000.0;
		}

		/** Documents per second of the process's CPU time (all threads, JVM start included). */
		double documentsPerCpuSecond() {
			return documents / cpuSeconds();
		}

		long peakHeapMb() {
			return Long.parseLong(peaks.getProperty("heap.peak.sampled", "-1")) >> 20;
		}

		String line() {
			return String.format("%s import %s (exit %d): %,d documents in %.1f s (process %.1f s): %,.0f documents/s"
					+ " (%,.0f with the JVM's start); CPU %.1f s (%,.0f documents per CPU second); peak heap %d MB%s",
					size.name(), steps.get(0).status(), exit, documents, Bench.seconds(job()), Bench.seconds(wall),
					documentsPerSecond(), documentsPerProcessSecond(), cpuSeconds(), documentsPerCpuSecond(),
					peakHeapMb(),
					mismatch == null ? "; every table as generated" : "; TABLES DIFFER: " + mismatch);
		}

		static String table(List<ImportResult> results) {
			StringBuilder s = new StringBuilder();
			s.append("\nImport of the mongoexport dump (`phonehome import --from`, child JVM):\n\n");
			s.append("| size | documents | dump MB | job s | process s | documents/s (job) | documents/s (process)"
					+ " | process CPU s | documents per CPU s | peak heap MB | tables as generated |\n"
					+ "|---|---|---|---|---|---|---|---|---|---|---|\n");
			for (ImportResult r : results) {
				s.append(String.format("| %s | %,d | %,d | %.1f | %.1f | %,.0f | %,.0f | %.1f | %,.0f | %d | %s |%n",
						r.size().name(), r.documents(), r.dumpBytes() >> 20, Bench.seconds(r.job()),
						Bench.seconds(r.wall()), r.documentsPerSecond(), r.documentsPerProcessSecond(), r.cpuSeconds(),
						r.documentsPerCpuSecond(), r.peakHeapMb(),
						r.mismatch() == null ? "yes" : "NO: " + r.mismatch()));
			}
			s.append("\nImport steps:\n\n| size | step | status | items | s | items/s |\n|---|---|---|---|---|---|\n");
			for (ImportResult r : results) {
				for (StepTiming step : r.steps().subList(1, r.steps().size())) {
					s.append(String.format("| %s | %s | %s | %,d | %.2f | %s |%n", r.size().name(), step.name(),
							step.status(), step.items(), Bench.seconds(step.duration()), step.itemsPerSecond()));
				}
			}
			return s.toString();
		}

	}

}
