package dev.phonehome.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.springframework.util.FileSystemUtils;

/**
 * The benchmark of {@code phonehome diff}'s engine: two synthetic consecutive nights of N users with about 1% of
 * the items changed ({@link SyntheticNights}), then, alternately, the floor (both payloads parsed by the same
 * streaming reader, nothing compared) and the comparison, each in a fresh child JVM with {@code -Xmx256m}. Prints
 * the fastest of each, items/s, the ratio to the floor, the memory peaks of the comparison and the load average,
 * and checks that the comparison found exactly what the generator changed.
 *
 * <pre>
 * ops/bench changes                          # 1,000,000 users, seed 42, best of 3
 * ops/bench changes --users 100000 --repeat 1 --keep
 * </pre>
 *
 * Usage: {@code ChangesBenchmark [--users N] [--seed N] [--work DIR] [--heap 256m] [--repeat 3] [--keep]}.
 */
public final class ChangesBenchmark {

	private static final List<String> SECTIONS = List.of("companies", "teams", "users", "codeReviews");

	private ChangesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int users = 1_000_000;
		long seed = 42;
		Path work = Path.of("target/bench/changes");
		String heap = "256m";
		int repeat = 3;
		boolean keep = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--users" -> users = Integer.parseInt(args[++i]);
				case "--seed" -> seed = Long.parseLong(args[++i]);
				case "--work" -> work = Path.of(args[++i]);
				case "--heap" -> heap = args[++i];
				case "--repeat" -> repeat = Integer.parseInt(args[++i]);
				case "--keep" -> keep = true;
				default -> throw new IllegalArgumentException("unknown argument " + args[i]);
			}
		}
		Result result = run(users, seed, work.toAbsolutePath(), heap, repeat);
		result.print();
		if (!keep) {
			FileSystemUtils.deleteRecursively(work);
		}
		if (!result.foundWhatWasMade()) {
			System.exit(1);
		}
	}

	static Result run(int users, long seed, Path work, String heap, int repeat) throws Exception {
		FileSystemUtils.deleteRecursively(work);
		Files.createDirectories(work);
		Path before = work.resolve("before.payload.json");
		Path tonight = work.resolve("tonight.payload.json");
		System.out.printf("== changes: %,d users, seed %d, child JVMs -Xmx%s%n", users, seed, heap);
		long t0 = System.nanoTime();
		Map<String, Long> expected = new SyntheticNights(users, seed).write(before, tonight);
		Duration generation = Duration.ofNanos(System.nanoTime() - t0);
		System.out.printf("   generated %s (%,d MB) and %s (%,d MB) in %.1f s%n", before.getFileName(),
				Files.size(before) >> 20, tonight.getFileName(), Files.size(tonight) >> 20,
				generation.toMillis() / 1000.0);
		Properties bestDiff = null;
		Properties bestFloor = null;
		List<String> loads = new ArrayList<>();
		int exits = 0;
		for (int run = 1; run <= repeat; run++) {
			Properties floor = probe(work, heap, "floor", run, before, tonight, loads);
			Properties diff = probe(work, heap, "diff", run, before, tonight, loads);
			if (floor == null || diff == null) {
				exits++;
				continue;
			}
			System.out.printf("   run %d/%d: floor %.1f s, diff %.1f s%n", run, repeat, seconds(floor), seconds(diff));
			bestFloor = fastest(bestFloor, floor);
			bestDiff = fastest(bestDiff, diff);
		}
		return new Result(users, seed, heap, Files.size(before) + Files.size(tonight), generation, expected, bestDiff,
				bestFloor, loads, exits);
	}

	/** The faster of two runs, with the higher memory peaks of the two. */
	private static Properties fastest(Properties best, Properties run) {
		if (best == null) {
			return run;
		}
		Properties faster = seconds(run) < seconds(best) ? run : best;
		for (String peak : List.of("heap.peak.sampled", "heap.peak.pools", "rss.peak")) {
			faster.setProperty(peak, Long.toString(Math.max(number(best, peak), number(run, peak))));
		}
		return faster;
	}

	/** One child JVM; its result properties, or {@code null} when it failed (its log's tail is printed). */
	private static Properties probe(Path work, String heap, String mode, int run, Path before, Path tonight,
			List<String> loads) throws Exception {
		String load = Bench.loadAverage();
		loads.add(load);
		System.out.printf("   %s %d: child JVM, load %s%n", mode, run, load);
		Path result = work.resolve(mode + "-" + run + ".properties");
		int exit = Bench.child(work.resolve(mode + "-" + run + ".log"), heap, List.of(), ChangesProbe.class.getName(),
				mode, before.toString(), tonight.toString(), result.toString());
		if (exit != 0) {
			return null;
		}
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(result)) {
			properties.load(in);
		}
		return properties;
	}

	private static double seconds(Properties probe) {
		return number(probe, "millis") / 1000.0;
	}

	private static long number(Properties probe, String key) {
		return Long.parseLong(probe.getProperty(key, "-1"));
	}

	/**
	 * What one benchmark found.
	 *
	 * @param expected what the generator changed; {@code found()} is what the comparison reported, in the same keys
	 * @param diff the fastest comparison, with the highest memory peaks of all; {@code null} if none succeeded
	 * @param failures child JVMs that did not exit 0
	 */
	record Result(int users, long seed, String heap, long payloadBytes, Duration generation,
			Map<String, Long> expected, Properties diff, Properties floor, List<String> loads, int failures) {

		Map<String, Long> found() {
			Map<String, Long> found = new TreeMap<>();
			if (diff != null) {
				for (String key : expected().keySet()) {
					found.put(key, number(diff, key));
				}
				for (String section : SECTIONS) {
					for (String what : List.of("added", "removed", "changed", "unchanged")) {
						long value = number(diff, section + "." + what);
						if (value != 0 || expected.containsKey(section + "." + what)) {
							found.put(section + "." + what, value);
						}
					}
				}
			}
			return found;
		}

		boolean foundWhatWasMade() {
			return failures == 0 && diff != null && found().equals(expected);
		}

		long peakHeap() {
			return number(diff, "heap.peak.sampled");
		}

		long maxHeap() {
			return number(diff, "heap.max");
		}

		void print() {
			if (diff == null || floor == null) {
				System.out.println("   no run completed: see the logs in the work folder");
				return;
			}
			long items = number(diff, "items");
			double ratio = seconds(diff) / seconds(floor);
			System.out.printf("%n| users | payloads MB | diff s | items | items/s | floor s | ratio | peak heap MB diff "
					+ "(sampled / pools) | floor | max | RSS MB diff / floor | GC s | load |%n"
					+ "|---|---|---|---|---|---|---|---|---|---|---|---|---|%n");
			System.out.printf("| %,d | %,d | %.1f | %,d | %,.0f | %.1f | %.2f | %d / %d | %d | %d | %d / %d | %.1f | %s |%n",
					users, payloadBytes >> 20, seconds(diff), items, items / seconds(diff), seconds(floor), ratio,
					number(diff, "heap.peak.sampled") >> 20, number(diff, "heap.peak.pools") >> 20,
					number(floor, "heap.peak.sampled") >> 20, number(diff, "heap.max") >> 20,
					number(diff, "rss.peak") >> 20, number(floor, "rss.peak") >> 20, number(diff, "gc.millis") / 1000.0,
					String.join(" ", loads));
			System.out.println();
			System.out.println("   found:    " + found());
			System.out.println("   expected: " + expected);
			System.out.println("   listener: " + number(diff, "listener.items") + " item changes, "
					+ number(diff, "listener.emails") + " addresses sent for the first time");
			System.out.println(foundWhatWasMade() ? "   the comparison found exactly what the generator changed"
					: "   MISMATCH: the comparison did not find what the generator changed");
		}

	}

}
