package dev.phonehome.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

import dev.phonehome.job.PhoneHomeJobConfiguration;

/**
 * The benchmark: for each size, a synthetic installation generated straight into a fresh embedded store, one night
 * run through phonehome's real CLI in a child JVM ({@code -Xmx256m}), then the raw floor on the same store in
 * another child JVM with the same heap. Prints per step items, seconds and items/s (every step the job repository
 * recorded), the process peaks, and the ratio of the payload steps to the floor.
 *
 * <p>Usage: {@code Bench [--sizes S,M,L] [--seed N] [--work DIR] [--heap 256m] [--keep] [--reuse] [--generate-only]
 * [--repeat 3] [--jfr] [--mongo] [--import | --import-only]}. {@code --import} also writes each size as a
 * mongoexport dump and times {@code phonehome import} of it ({@link ImportBench}); {@code --import-only} does only
 * that. {@code --mongo} also runs each size up to M with MongoDB as the source
 * ({@link MongoNight}: the same installation in an in-process MongoDB), and reports its time, its passes over
 * {@code posts} and whether its payload is byte for byte the embedded store's. {@code --jfr} records each night with Java Flight Recorder into
 * {@code <size>/night-<run>.jfr} (read it with {@code jfr print --events jdk.ExecutionSample}). {@code --reuse} runs on a store a previous {@code --keep} or {@code --generate-only} left (same
 * size and seed are the caller's responsibility) instead of generating it again.
 */
public final class Bench {

	static final String NIGHT = SyntheticInstallation.NIGHT.toString();

	/** Record each night with Java Flight Recorder (its default, low-overhead settings). */
	private static boolean jfr;

	/** Also run S and M from an in-process MongoDB (L would not fit in the benchmark's own heap). */
	private static boolean mongo;

	private static final java.util.Map<String, MongoResult> MONGO_RESULTS = new java.util.LinkedHashMap<>();

	/** Also write each size as a mongoexport dump and time {@code phonehome import} of it ({@link ImportBench}). */
	private static boolean importDump;

	/** Only the import: no night, no floors. */
	private static boolean importOnly;

	private static final List<ImportBench.ImportResult> IMPORT_RESULTS = new ArrayList<>();

	private static final Path DEMO_CONFIG = Path.of("jobs/phone-home/demo/free");

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		List<String> sizes = List.of("S", "M", "L");
		long seed = 42;
		Path work = Path.of("target/bench");
		String heap = "256m";
		boolean keep = false;
		boolean generateOnly = false;
		boolean reuse = false;
		int repeat = 3;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--sizes" -> sizes = List.of(args[++i].split(","));
				case "--seed" -> seed = Long.parseLong(args[++i]);
				case "--work" -> work = Path.of(args[++i]);
				case "--heap" -> heap = args[++i];
				case "--keep" -> keep = true;
				case "--generate-only" -> generateOnly = true;
				case "--reuse" -> reuse = true;
				case "--jfr" -> jfr = true;
				case "--mongo" -> mongo = true;
				case "--import" -> importDump = true;
				case "--import-only" -> {
					importDump = true;
					importOnly = true;
				}
				case "--repeat" -> repeat = Integer.parseInt(args[++i]);
				default -> throw new IllegalArgumentException("unknown argument " + args[i]);
			}
		}
		List<SizeResult> results = new ArrayList<>();
		for (String name : sizes) {
			if (generateOnly) {
				generate(BenchSize.of(name), seed, work.toAbsolutePath().resolve(name));
				continue;
			}
			SizeResult result = run(BenchSize.of(name), seed, work.toAbsolutePath(), heap, keep || reuse, reuse,
					repeat);
			if (result != null) {
				result.print(System.out);
				results.add(result);
			}
		}
		if (results.isEmpty() && IMPORT_RESULTS.isEmpty()) {
			return;
		}
		String report = (results.isEmpty() ? "### Results " + LocalDateTime.now().withNano(0) + "\n\nMachine: "
				+ machine() + ". Seed " + seed + ", child JVMs -Xmx" + heap + ", best of " + repeat + " imports.\n"
				: summary(results, seed, heap, repeat))
				+ (IMPORT_RESULTS.isEmpty() ? "" : ImportBench.ImportResult.table(IMPORT_RESULTS));
		System.out.println(report);
		Path file = work.resolve("results-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm"))
				+ ".md");
		Files.writeString(file, report);
		System.out.println("(also written to " + file + ")");
		if (receiver != null) {
			receiver.stop(0);
		}
		if (results.stream().anyMatch(r -> !r.completed())
				|| IMPORT_RESULTS.stream().anyMatch(r -> !r.completed())) {
			System.exit(1);
		}
	}

	static SizeResult run(BenchSize size, long seed, Path work, String heap, boolean keep, boolean reuse, int repeat)
			throws Exception {
		Path home = work.resolve(size.name());
		Duration generation = (reuse && Files.exists(home.resolve("store/phonehome.mv.db"))) ? Duration.ZERO
				: generate(size, seed, home);
		long storeBytes = Files.size(home.resolve("store/phonehome.mv.db"));
		if (importDump) {
			IMPORT_RESULTS.add(ImportBench.run(size, home, url(home), heap, repeat, jfr));
			if (!keep) {
				deleteRecursively(home.resolveSibling(size.name() + "-dump"));
			}
		}
		if (importOnly) {
			if (!keep) {
				deleteRecursively(home);
			}
			return null;
		}
		return runNight(size, home, heap, keep, generation, storeBytes, repeat);
	}

	/** A fresh home holding only the synthetic installation. */
	static Duration generate(BenchSize size, long seed, Path home) throws Exception {
		deleteRecursively(home);
		Files.createDirectories(home);
		System.out.printf("== %s: generating %,d users, %,d posts (%,d in the night) into %s%n", size.name(),
				size.users(), size.posts(), size.nightPosts(), home);
		long t0 = System.nanoTime();
		try (Connection connection = DriverManager.getConnection(url(home), "sa", "")) {
			new SyntheticInstallation(size, seed).writeTo(connection);
			// batch commits leave most of the file dead; every size starts from the same compact store
			connection.createStatement().execute("SHUTDOWN COMPACT");
		}
		Duration generation = Duration.ofNanos(System.nanoTime() - t0);
		System.out.printf("   generated in %.1f s, store %,d MB%n", seconds(generation),
				Files.size(home.resolve("store/phonehome.mv.db")) >> 20);
		return generation;
	}

	/**
	 * Runs the night and the floor {@code repeat} times, alternately (the first night as the nightly run, the
	 * others as {@code run --rerun}), and keeps the fastest of each: on a shared machine the other processes only
	 * ever add time. Memory peaks are the highest seen in any run.
	 */
	static SizeResult runNight(BenchSize size, Path home, String heap, boolean keep, Duration generation,
			long storeBytes, int repeat) throws Exception {
		Path config = privateConfig(home);
		SizeResult best = null;
		for (int run = 1; run <= repeat; run++) {
			Path nightPeaks = home.resolve("night-peaks-" + run + ".properties");
			System.out.printf("   night %d/%d: phonehome run (child JVM, -Xmx%s), load %s%n", run, repeat, heap,
					loadAverage());
			List<String> runArgs = new ArrayList<>(List.of("run", "--home", home.toString(), "--date", NIGHT,
					"--config", config.toString()));
			// a reused store already holds this night's earlier runs
			if (run > 1 || generation.isZero()) {
				runArgs.add("--rerun");
			}
			long t1 = System.nanoTime();
			List<String> options = new ArrayList<>(List.of("-Dbench.peaks=" + nightPeaks));
			if (jfr) {
				options.add("-XX:StartFlightRecording=filename=" + home.resolve("night-" + run + ".jfr"));
			}
			int exit = child(home.resolve("night-" + run + ".log"), heap, options, NightProbe.class.getName(),
					runArgs.toArray(String[]::new));
			Duration nightWall = Duration.ofNanos(System.nanoTime() - t1);
			List<StepTiming> steps;
			try (Connection connection = DriverManager.getConnection(url(home), "sa", "")) {
				steps = StepTiming.lastExecution(connection, PhoneHomeJobConfiguration.JOB_NAME);
			}
			Floor seek = floor(home, heap, run, repeat, "seek");
			Floor onePass = floor(home, heap, run, repeat, "one-pass");
			System.out.printf("   floors' payloads %s%n",
					Files.mismatch(seek.payload(), onePass.payload()) == -1 ? "identical" : "DIFFER");
			SizeResult result = new SizeResult(size, generation, storeBytes, exit, steps, nightWall,
					load(nightPeaks), seek.exit(), seek.peaks(), onePass.exit(), onePass.peaks(), payloadBytes(home));
			System.out.printf("   run %d: job %.1f s, payload steps %.1f s, one-pass floor %.1f s, seek floor %.1f s%n",
					run, seconds(result.job()), seconds(result.payloadSteps()), result.onePassFloorSeconds(),
					result.floorSeconds());
			best = (best == null) ? result : best.fastest(result);
			if (!result.completed()) {
				best = result;
				break;
			}
		}
		if (mongo && !size.name().equals("L") && best.completed()) {
			MongoResult result = mongoNight(size, home, heap);
			MONGO_RESULTS.put(size.name(), result);
			System.out.println("   " + result.line());
		}
		if (!keep && best.completed()) {
			deleteRecursively(home);
		}
		return best;
	}

	/**
	 * The night once more, from an in-process MongoDB holding the same installation, in a home of its own: its
	 * steps, its passes over {@code posts} as the server counted them, and its payload against the embedded
	 * store's.
	 */
	static MongoResult mongoNight(BenchSize size, Path home, String heap) throws Exception {
		Path mongoHome = home.resolveSibling(size.name() + "-mongo");
		deleteRecursively(mongoHome);
		Files.createDirectories(mongoHome);
		try (MongoNight mongo = new MongoNight()) {
			System.out.printf("   MongoDB: copying the installation into an in-process server (load %s)%n",
					loadAverage());
			long t0 = System.nanoTime();
			long documents = mongo.load(url(home));
			Duration load = Duration.ofNanos(System.nanoTime() - t0);
			mongo.backend().reset();
			Path peaks = mongoHome.resolve("night-peaks.properties");
			System.out.printf("   MongoDB night: phonehome run --source (child JVM, -Xmx%s), load %s%n", heap,
					loadAverage());
			int exit = child(mongoHome.resolve("night.log"), heap, List.of("-Dbench.peaks=" + peaks),
					NightProbe.class.getName(), "run", "--home", mongoHome.toString(), "--date", NIGHT, "--config",
					privateConfig(mongoHome).toString(), "--source", mongo.uri());
			List<StepTiming> steps;
			try (Connection connection = DriverManager.getConnection(url(mongoHome), "sa", "")) {
				steps = StepTiming.lastExecution(connection, PhoneHomeJobConfiguration.JOB_NAME);
			}
			Path embedded = payload(home);
			Path fromMongo = payload(mongoHome);
			boolean identical = embedded != null && fromMongo != null && Files.mismatch(embedded, fromMongo) == -1;
			MongoResult result = new MongoResult(size, documents, load, exit, steps,
					mongo.backend().passes("aggregate", "posts"), mongo.backend().passes("find", "posts"),
					identical, load(peaks));
			deleteRecursively(mongoHome);
			return result;
		}
	}

	private static Path payload(Path home) throws IOException {
		Path nights = home.resolve("nights");
		if (!Files.isDirectory(nights)) {
			return null;
		}
		try (Stream<Path> files = Files.walk(nights)) {
			return files.filter(p -> p.getFileName().toString().equals("payload.json")).findFirst().orElse(null);
		}
	}

	/** One MongoDB night. */
	record MongoResult(BenchSize size, long documents, Duration load, int exit, List<StepTiming> steps,
			int aggregatesOnPosts, int findsOnPosts, boolean identical, Properties peaks) {

		Duration payloadSteps() {
			return steps.stream().skip(1).filter(StepTiming::isPayloadStep).map(StepTiming::duration)
				.reduce(Duration.ZERO, Duration::plus);
		}

		Duration step(String name) {
			return steps.stream().filter(s -> s.name().equals(name)).map(StepTiming::duration).findFirst()
				.orElse(Duration.ZERO);
		}

		String line() {
			return String.format("%s MongoDB night (exit %d): payload steps %.1f s (collectUsersStep %.1f s); passes over"
					+ " posts: %d aggregate, %d find; payload %s the embedded store's; %,d documents copied in %.1f s;"
					+ " peak heap %d MB", size.name(), exit, seconds(payloadSteps()), seconds(step("collectUsersStep")),
					aggregatesOnPosts, findsOnPosts, identical ? "byte for byte" : "DIFFERS FROM", documents,
					seconds(load), Long.parseLong(peaks.getProperty("heap.peak.sampled", "-1")) >> 20);
		}

	}

	/** One raw floor ({@link RawFloor}, {@code seek} or {@code one-pass}) in its own child JVM. */
	private static Floor floor(Path home, String heap, int run, int repeat, String mode) throws Exception {
		Path result = home.resolve("floor-" + mode + "-" + run + ".properties");
		Path payload = home.resolve("floor-" + mode + ".json");
		System.out.printf("   %s floor %d/%d: raw JDBC + Jackson (child JVM, -Xmx%s), load %s%n", mode, run, repeat,
				heap, loadAverage());
		int exit = child(home.resolve("floor-" + mode + "-" + run + ".log"), heap, List.of(),
				RawFloor.class.getName(), home.toString(), NIGHT, payload.toString(), result.toString(), mode);
		return new Floor(exit, load(result), payload);
	}

	private record Floor(int exit, Properties peaks, Path payload) {
	}

	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException ex) {
			return "?";
		}
	}


	private static String url(Path home) {
		return "jdbc:h2:file:" + home.resolve("store/phonehome") + ";DB_CLOSE_ON_EXIT=FALSE";
	}

	/**
	 * The demo free installation's services config, private (mode 600) as phonehome requires, pointing at a
	 * healthy receiver on loopback: the night's delivery step is measured too, against an endpoint that costs
	 * nothing but reading the body.
	 */
	private static Path privateConfig(Path home) throws IOException {
		Path folder = home.resolve("config");
		Files.createDirectories(folder);
		for (String name : new String[] { "codestream-services-config.json", "container-versions" }) {
			Path copy = folder.resolve(name);
			Files.writeString(copy, Files.readString(DEMO_CONFIG.resolve(name))
				.replace("http://127.0.0.1:12089", "http://127.0.0.1:" + receiver().getAddress().getPort()));
			Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
		}
		return folder.resolve("codestream-services-config.json");
	}

	private static com.sun.net.httpserver.HttpServer receiver;

	private static synchronized com.sun.net.httpserver.HttpServer receiver() throws IOException {
		if (receiver == null) {
			receiver = com.sun.net.httpserver.HttpServer
				.create(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
			receiver.createContext("/phone-home", exchange -> {
				exchange.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			receiver.setExecutor(null);
			receiver.start();
		}
		return receiver;
	}

	/** A fresh JVM on this classpath with only {@code -Xmx}: what phonehome sees in production. */
	static int child(Path log, String heap, List<String> properties, String mainClass, String... args)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx" + heap);
		command.addAll(properties);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(mainClass);
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		int exit = process.waitFor();
		if (exit != 0) {
			System.out.println("   exit " + exit + "; last lines of " + log + ":");
			List<String> lines = Files.readAllLines(log);
			lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> System.out.println("   | " + l));
		}
		return exit;
	}

	private static long payloadBytes(Path home) throws IOException {
		Path nights = home.resolve("nights");
		if (!Files.isDirectory(nights)) {
			return -1;
		}
		try (Stream<Path> files = Files.walk(nights)) {
			return files.filter(p -> p.getFileName().toString().equals("payload.json"))
				.mapToLong(p -> p.toFile().length())
				.max()
				.orElse(-1);
		}
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

	static String summary(List<SizeResult> results, long seed, String heap, int repeat) throws IOException {
		StringBuilder s = new StringBuilder();
		s.append("### Results ").append(LocalDateTime.now().withNano(0)).append('\n');
		s.append("\nMachine: ").append(machine()).append(". Seed ").append(seed).append(", child JVMs -Xmx")
			.append(heap).append(", best of ").append(repeat).append(" runs (night and floor alternately).\n\n");
		s.append("| size | users | posts (night) | job s | process s | payload steps s | one-pass floor s | ratio | "
				+ "seek floor s | ratio | peak heap MB (sampled / pools) | peak RSS MB | floor RSS MB (one-pass / seek)"
				+ " | payload MB |\n");
		s.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (SizeResult r : results) {
			s.append(String.format("| %s | %,d | %,d (%,d) | %.1f | %.1f | %.1f | %.1f | %.2f | %.1f | %.2f | %d / %d | %d"
					+ " | %d / %d | %d |%n", r.size().name(), r.size().users(), r.size().posts(), r.size().nightPosts(),
					seconds(r.job()), seconds(r.nightWall()), seconds(r.payloadSteps()), r.onePassFloorSeconds(),
					r.ratio(), r.floorSeconds(), r.seekRatio(), r.mb(r.nightPeaks(), "heap.peak.sampled"),
					r.mb(r.nightPeaks(), "heap.peak.pools"), r.mb(r.nightPeaks(), "rss.peak"),
					r.mb(r.onePassFloorPeaks(), "rss.peak"), r.mb(r.floorPeaks(), "rss.peak"), r.payloadBytes() >> 20));
		}
		SizeResult m = find(results, "M");
		SizeResult l = find(results, "L");
		if (m != null && l != null) {
			s.append(String.format("%nM -> L: job time grew %.1f-fold, payload steps %.1f-fold (target at most 11).%n",
					seconds(l.job()) / seconds(m.job()), seconds(l.payloadSteps()) / seconds(m.payloadSteps())));
		}
		if (!MONGO_RESULTS.isEmpty()) {
			s.append("\nMongoDB as the source (in-process mongo-java-server, the same installation):\n\n");
			s.append("| size | payload steps s (MongoDB) | payload steps s (embedded) | collectUsersStep s (MongoDB / embedded)"
					+ " | aggregate / find commands on posts | payload identical | peak heap MB |\n");
			s.append("|---|---|---|---|---|---|---|\n");
			for (MongoResult night : MONGO_RESULTS.values()) {
				SizeResult e = find(results, night.size().name());
				Duration embeddedUsers = e == null ? Duration.ZERO : e.steps().stream()
					.filter(st -> st.name().equals("collectUsersStep")).map(StepTiming::duration).findFirst()
					.orElse(Duration.ZERO);
				s.append(String.format("| %s | %.1f | %.1f | %.1f / %.1f | %d / %d | %s | %d |%n", night.size().name(),
						seconds(night.payloadSteps()), e == null ? Double.NaN : seconds(e.payloadSteps()),
						seconds(night.step("collectUsersStep")), seconds(embeddedUsers), night.aggregatesOnPosts(),
						night.findsOnPosts(), night.identical() ? "yes" : "NO",
						Long.parseLong(night.peaks().getProperty("heap.peak.sampled", "-1")) >> 20));
			}
		}
		s.append("\nPer step:\n\n| size | step | status | items | s | items/s |\n|---|---|---|---|---|---|\n");
		for (SizeResult r : results) {
			for (StepTiming step : r.steps().subList(1, r.steps().size())) {
				s.append(String.format("| %s | %s | %s | %,d | %.2f | %s |%n", r.size().name(), step.name(),
						step.status(), step.items(), seconds(step.duration()), step.itemsPerSecond()));
			}
		}
		return s.toString();
	}

	private static SizeResult find(List<SizeResult> results, String name) {
		return results.stream().filter(r -> r.size().name().equals(name)).findFirst().orElse(null);
	}

	static String machine() throws IOException {
		String memory = Files.readAllLines(Path.of("/proc/meminfo"))
			.stream()
			.filter(l -> l.startsWith("MemTotal:"))
			.map(l -> (Long.parseLong(l.replaceAll("[^0-9]", "")) >> 20) + " GiB")
			.findFirst()
			.orElse("?");
		return Runtime.getRuntime().availableProcessors() + " cores, " + memory + " RAM, "
				+ System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
	}

	static double seconds(Duration d) {
		return d.toNanos() / 1e9;
	}

	static void deleteRecursively(Path folder) throws IOException {
		FileSystemUtils.deleteRecursively(folder);
	}

	/** One size's figures. */
	record SizeResult(BenchSize size, Duration generation, long storeBytes, int nightExit, List<StepTiming> steps,
			Duration nightWall, Properties nightPeaks, int floorExit, Properties floorPeaks, int onePassFloorExit,
			Properties onePassFloorPeaks, long payloadBytes) {

		/** The faster night and the faster floor of the two runs, with the higher memory peaks of both. */
		SizeResult fastest(SizeResult other) {
			SizeResult night = job().compareTo(other.job()) <= 0 ? this : other;
			Properties floor = floorSeconds() <= other.floorSeconds() ? floorPeaks : other.floorPeaks;
			Properties onePass = onePassFloorSeconds() <= other.onePassFloorSeconds() ? onePassFloorPeaks
					: other.onePassFloorPeaks;
			return new SizeResult(size, generation, storeBytes, night.nightExit, night.steps, night.nightWall,
					higher(nightPeaks, other.nightPeaks), floorExit, floor, onePassFloorExit, onePass, payloadBytes);
		}

		private static Properties higher(Properties a, Properties b) {
			Properties max = new Properties();
			for (String key : a.stringPropertyNames()) {
				max.setProperty(key, Long.toString(Math.max(Long.parseLong(a.getProperty(key)),
						Long.parseLong(b.getProperty(key, "-1")))));
			}
			return max;
		}

		boolean completed() {
			return nightExit == 0 && floorExit == 0 && onePassFloorExit == 0
					&& steps.get(0).status().equals("COMPLETED");
		}

		Duration job() {
			return steps.get(0).duration();
		}

		Duration payloadSteps() {
			return steps.stream().skip(1).filter(StepTiming::isPayloadStep).map(StepTiming::duration)
				.reduce(Duration.ZERO, Duration::plus);
		}

		/** The seek floor: the database counts each user's night with an index seek. */
		double floorSeconds() {
			return Long.parseLong(floorPeaks.getProperty("floor.millis", "0")) / 1000.0;
		}

		/** The one-pass floor: each table read once, the counts aggregated in the program. */
		double onePassFloorSeconds() {
			return Long.parseLong(onePassFloorPeaks.getProperty("floor.millis", "0")) / 1000.0;
		}

		/** The payload steps against the one-pass floor: the floor that matters (issue 13). */
		double ratio() {
			return onePassFloorSeconds() == 0 ? Double.NaN : seconds(payloadSteps()) / onePassFloorSeconds();
		}

		double seekRatio() {
			return floorSeconds() == 0 ? Double.NaN : seconds(payloadSteps()) / floorSeconds();
		}

		long mb(Properties p, String key) {
			return Long.parseLong(p.getProperty(key, "-1")) >> 20;
		}

		void print(PrintStream out) {
			out.printf("   %s night %s (exit %d) in %.1f s (process %.1f s); peak heap %d MB sampled, %d MB pools; "
					+ "peak RSS %d MB; GC %d ms%n", size.name(), steps.get(0).status(), nightExit, seconds(job()),
					seconds(nightWall), mb(nightPeaks, "heap.peak.sampled"), mb(nightPeaks, "heap.peak.pools"),
					mb(nightPeaks, "rss.peak"), Long.parseLong(nightPeaks.getProperty("gc.millis", "-1")));
			out.printf("   %-28s %12s %10s %14s%n", "step", "items", "seconds", "items/s");
			for (StepTiming step : steps.subList(1, steps.size())) {
				out.printf("   %-28s %,12d %10.2f %14s  %s%n", step.name(), step.items(), seconds(step.duration()),
						step.itemsPerSecond(), step.status());
			}
			out.printf("   payload steps %.2f s; one-pass floor %.2f s (exit %d, %,d items, peak RSS %d MB), ratio %.2f;"
					+ " seek floor %.2f s (exit %d, peak RSS %d MB), ratio %.2f%n", seconds(payloadSteps()),
					onePassFloorSeconds(), onePassFloorExit,
					Long.parseLong(onePassFloorPeaks.getProperty("floor.items", "0")), mb(onePassFloorPeaks, "rss.peak"),
					ratio(), floorSeconds(), floorExit, mb(floorPeaks, "rss.peak"), seekRatio());
		}

	}

}
