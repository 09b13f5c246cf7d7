package dev.phonehome.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.util.FileSystemUtils;

import dev.phonehome.PhoneHomeApplication;
import dev.phonehome.cli.ExitCode;
import dev.phonehome.failpoint.Failpoint;

/**
 * The crash matrix: a real night of the free demo, in a child JVM on the embedded store, halted at every
 * {@link Failpoint} (as {@code kill -9} would: no shutdown hook, no flush), then the same command run again. Every
 * time: the night ends delivered exactly once (one {@code Idempotency-Key} for it at the receiver), its last
 * execution completed in the history, and {@code verify --all} clean. Then the same after kills at random moments.
 */
class CrashMatrixTests {

	private static final String NIGHT = "2026-11-20";

	private static final Path DEMO = Path.of("jobs/phone-home/demo/free").toAbsolutePath();

	/** A home with the demo imported, copied for each case (one import instead of one per case). */
	@TempDir
	static Path template;

	private static Receiver receiver;

	@TempDir
	Path work;

	@BeforeAll
	static void demoImportedOnce() throws Exception {
		receiver = new Receiver();
		Run imported = Run.of(template, template.resolve("import"), List.of(), "import", "--home",
				template.toString(), "--from", DEMO.toString());
		assertThat(imported.exitCode()).as(imported.err()).isZero();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@ParameterizedTest(name = "halted at {0}")
	// the import's and approval's own failpoints are never reached by a night: ImportCrashTests and
	// ApprovalCrashTests halt those commands at them
	@EnumSource(value = Failpoint.class, mode = EnumSource.Mode.MATCH_NONE, names = "(IMPORT|APPROVE)_.*")
	void nightHaltedAtAnyFailpointShouldEndDeliveredOnceCompletedAndVerified(Failpoint failpoint) throws Exception {
		// -Dcrash.failpoints=a,b runs only those (a targeted run of a new failpoint); the full CI runs every one
		String only = System.getProperty("crash.failpoints", "");
		org.junit.jupiter.api.Assumptions.assumeTrue(only.isEmpty() || List.of(only.split(",")).contains(failpoint.label()),
				"not among -Dcrash.failpoints");
		// given
		Path home = freshHome();
		String config = config(home);

		// when: the run halts at the failpoint
		Run halted = night(home, config, List.of("-D" + Failpoint.PROPERTY + "=" + failpoint.label()));
		assertThat(halted.exitCode()).as("halted at %s: %s", failpoint.label(), halted.err())
			.isEqualTo(Failpoint.HALT_STATUS);
		assertThat(halted.err()).contains("failpoint " + failpoint.label() + " reached");

		// and the same command runs again (a process that died after Batch recorded the night's end finds it
		// completed: exit 6, nothing run but what the dead process left unfinished)
		Run again = night(home, config, List.of());

		// then
		assertThat(again.exitCode()).as(again.err()).isIn(ExitCode.OK.code(), ExitCode.ALREADY_COMPLETED.code());
		assertNightDeliveredOnceCompletedAndVerified(home);
	}

	@Test
	void nightKilledAtRandomMomentsShouldEndDeliveredOnceCompletedAndVerified() throws Exception {
		Random random = new Random(Long.getLong("crash.seed", 20261120));
		for (int round = 0; round < Integer.getInteger("crash.rounds", 3); round++) {
			// given
			Path home = freshHome();
			String config = config(home);

			// when: killed after a random delay (the JVM's start-up included: early and late kills both happen)
			long delay = 500 + random.nextInt(9_500);
			Process process = Run.start(home, home.resolve("killed-" + round), List.of(), "run", "--home",
					home.toString(), "--date", NIGHT, "--config", config);
			boolean ended = process.waitFor(delay, TimeUnit.MILLISECONDS);
			process.destroyForcibly();
			process.waitFor(1, TimeUnit.MINUTES);

			// and the same command runs again (a first run that ended by itself is refused as completed: exit 6)
			Run again = night(home, config, List.of());

			// then
			assertThat(again.exitCode()).as("round %d, killed after %d ms%s: %s", round, delay,
					ended ? " (it had ended)" : "", again.err())
				.isIn(ExitCode.OK.code(), ExitCode.ALREADY_COMPLETED.code());
			assertNightDeliveredOnceCompletedAndVerified(home);
		}
	}

	@Test
	void homeStoreArchiveAndStagedPartsShouldBePrivateWhateverTheUmask() throws Exception {
		Path home = freshHome();
		Run halted = night(home, config(home),
				List.of("-D" + Failpoint.PROPERTY + "=" + Failpoint.ASSEMBLE_BEFORE_COMMIT.label()));
		assertThat(halted.exitCode()).as(halted.err()).isEqualTo(Failpoint.HALT_STATUS);

		for (Path folder : List.of(home, home.resolve("store"), home.resolve("nights"), home.resolve("work"))) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).as(folder.toString())
				.isEqualTo("rwx------");
		}
		try (Stream<Path> files = Files.walk(home.resolve("work"))) {
			List<Path> parts = files.filter(Files::isRegularFile).toList();
			assertThat(parts).isNotEmpty()
				.allSatisfy(part -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(part)))
					.as(part.toString())
					.isEqualTo("rw-------"));
		}
		try (Stream<Path> files = Files.walk(home.resolve("nights"))) {
			assertThat(files.filter(Files::isRegularFile).toList()).isNotEmpty()
				.allSatisfy(file -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
					.isEqualTo("rw-------"));
		}
	}

	private void assertNightDeliveredOnceCompletedAndVerified(Path home) throws Exception {
		// delivered exactly once: every request that held the night carried one and the same key
		List<String> keys = receiver.keysOf(home, NIGHT);
		assertThat(keys).as("requests holding the night").isNotEmpty();
		assertThat(keys.stream().distinct()).as("Idempotency-Keys of the night").hasSize(1);
		// completed in the history
		assertThat(lastStatus(home)).isEqualTo("COMPLETED");
		// the staged parts are gone
		try (Stream<Path> parts = Files.list(home.resolve("work"))) {
			assertThat(parts.toList()).as("work/").isEmpty();
		}
		// and verify is clean
		Run verify = Run.of(home, home.resolve("verify"), List.of(), "verify", "--home", home.toString(), "--all");
		assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
	}

	private Run night(Path home, String config, List<String> jvmOptions) throws Exception {
		return Run.of(home, home.resolve("run-" + System.nanoTime()), jvmOptions, "run", "--home", home.toString(),
				"--date", NIGHT, "--config", config);
	}

	private Path freshHome() throws IOException {
		Path home = work.resolve("home-" + System.nanoTime());
		FileSystemUtils.copyRecursively(template, home);
		return home;
	}

	private String config(Path home) throws IOException {
		return config(home, receiver);
	}

	/** The demo's config (mode 600, as phonehome requires), pointed at the receiver, with a marker of the home. */
	static String config(Path home, Receiver receiver) throws IOException {
		Path folder = Files.createDirectories(home.resolve("config"));
		String text = Files.readString(DEMO.resolve("codestream-services-config.json"))
			.replace("http://127.0.0.1:12089", receiver.baseUrl(home));
		Path config = folder.resolve("codestream-services-config.json");
		Files.writeString(config, text);
		Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
		Files.copy(DEMO.resolve("container-versions"), folder.resolve("container-versions"));
		return config.toString();
	}

	static String lastStatus(Path home) throws Exception {
		try (Connection connection = DriverManager
			.getConnection("jdbc:h2:file:" + home.resolve("store/phonehome") + ";AUTO_SERVER=TRUE", "sa", "");
				ResultSet rs = connection.createStatement()
					.executeQuery("SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON "
							+ "i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'phoneHomeJob' "
							+ "ORDER BY e.JOB_EXECUTION_ID DESC LIMIT 1")) {
			assertThat(rs.next()).isTrue();
			return rs.getString(1);
		}
	}

	/** One phonehome command in a child JVM, as an operator or cron starts it. */
	record Run(int exitCode, String out, String err) {

		static Run of(Path home, Path logs, List<String> jvmOptions, String... arguments) throws Exception {
			Process process = start(home, logs, jvmOptions, arguments);
			assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("phonehome %s finished", List.of(arguments)).isTrue();
			return new Run(process.exitValue(), Files.readString(logs.resolveSibling(logs.getFileName() + ".out")),
					Files.readString(logs.resolveSibling(logs.getFileName() + ".err")));
		}

		static Process start(Path home, Path logs, List<String> jvmOptions, String... arguments) throws IOException {
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.add("-Xmx256m");
			command.addAll(jvmOptions);
			command.addAll(List.of("-cp", System.getProperty("java.class.path"), PhoneHomeApplication.class.getName()));
			command.addAll(List.of(arguments));
			command.addAll(List.of("--phonehome.delivery.initial-delay=1ms", "--phonehome.delivery.jitter=1ms",
					"--phonehome.source=embedded"));
			return new ProcessBuilder(command)
				.redirectOutput(logs.resolveSibling(logs.getFileName() + ".out").toFile())
				.redirectError(logs.resolveSibling(logs.getFileName() + ".err").toFile())
				.directory(new File(".").getAbsoluteFile())
				.start();
		}

	}

}
