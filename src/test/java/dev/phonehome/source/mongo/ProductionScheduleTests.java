package dev.phonehome.source.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.phonehome.PhoneHomeApplication;
import dev.phonehome.PostgresTestSupport;

/**
 * Issue 12 §7: the shipped schedule runs the live path. The systemd unit's command (the cron line's is checked to
 * be the same) runs as a process of its own, through {@code PhoneHomeApplication.main}, with only the host's paths
 * swapped for temporary ones and the database pointed at this machine's PostgreSQL: the night reads the MongoDB
 * its services config names in {@code storage.mongo.url}, with no {@code --source} and no property, and says so.
 */
class ProductionScheduleTests {

	private static final String WRAPPER = "/opt/phonehome/ops/phonehome";

	private static final String HOME = "/var/lib/phonehome";

	private static final String CONFIG = "/home/codestream/.codestream/codestream-services-config.json";

	private static final String SETTINGS = "/etc/phonehome/application-prod.properties";

	@TempDir
	Path folder;

	@Test
	void shippedScheduleShouldReadTheMongoDbItsServicesConfigNames() throws Exception {
		// given: the installation's MongoDB, its config naming it, the example settings as an admin copies them
		List<String> service = arguments(serviceCommand());
		assertThat(arguments(cronCommand())).as("the cron line runs what the unit runs").isEqualTo(service);
		InProcessMongo.load(Path.of("jobs/phone-home/demo/free"));
		Path config = LiveConfig.writeTo(Files.createDirectories(folder.resolve("codestream")));
		Path settings = Files.copy(Path.of("ops/config/application-prod.properties.EXAMPLE"),
				folder.resolve("application-prod.properties"));
		Path home = Files.createDirectories(folder.resolve("home"));

		try (PostgresTestSupport postgres = new PostgresTestSupport()) {
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
				.toString(), "-Xmx512m", "-cp", applicationClasspath(), PhoneHomeApplication.class.getName()));
			service.stream()
				.map(argument -> argument.replace(HOME, home.toString())
					.replace(CONFIG, config.toString())
					.replace(SETTINGS, settings.toString()))
				.forEach(command::add);
			command.addAll(List.of("--dry-run", "--date", "2026-11-20", "--spring.datasource.url=" + postgres.url(),
					"--spring.datasource.username=" + PostgresTestSupport.USER));
			ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(folder.resolve("stdout").toFile())
				.redirectError(folder.resolve("stderr").toFile());
			builder.environment().keySet().removeIf(name -> name.startsWith("PHONEHOME_"));

			// when
			Process process = builder.start();
			boolean ended = process.waitFor(10, TimeUnit.MINUTES);
			if (!ended) {
				process.destroyForcibly();
			}

			// then
			String stdout = Files.readString(folder.resolve("stdout"));
			String stderr = Files.readString(folder.resolve("stderr"));
			assertThat(ended).as("the night ended").isTrue();
			assertThat(process.exitValue()).as(stdout + stderr).isZero();
			assertThat(stdout).contains("  source        live MongoDB from storage.mongo.url of " + config + " ("
					+ InProcessMongo.uri() + "), database codestream");
			assertThat(stderr).contains("services config: file " + config);
			Path payload;
			try (Stream<Path> files = Files.walk(home.resolve("nights/2026-11-20"))) {
				payload = files.filter(file -> file.endsWith("payload.json")).findFirst().orElseThrow();
			}
			assertThat(Files.readAllBytes(payload))
				.isEqualTo(Files.readAllBytes(Path.of("src/test/resources/golden/demo-free-2026-11-20.payload.json")));
		}
	}

	/** The ExecStart of the unit, its continuation lines joined. */
	private static String serviceCommand() throws IOException {
		String unit = Files.readString(Path.of("ops/schedule/phonehome.service")).replace("\\\n", " ");
		return unit.lines().filter(line -> line.startsWith("ExecStart=")).findFirst().orElseThrow();
	}

	private static String cronCommand() throws IOException {
		return Files.readAllLines(Path.of("ops/schedule/phonehome.cron"))
			.stream()
			.filter(line -> line.contains(WRAPPER))
			.findFirst()
			.orElseThrow();
	}

	/** What follows the wrapper, split on spaces (the shipped commands quote nothing). */
	private static List<String> arguments(String line) {
		return Arrays.stream(line.substring(line.indexOf(WRAPPER) + WRAPPER.length()).strip().split("\\s+")).toList();
	}

	/**
	 * The application's classpath without the test classes (the child is phonehome, not a test): surefire's
	 * manifest-only jar lists it in its {@code Class-Path}.
	 */
	private static String applicationClasspath() throws IOException {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (entry.contains("surefirebooter") && entry.endsWith(".jar")) {
				try (JarFile booter = new JarFile(entry)) {
					for (String url : booter.getManifest().getMainAttributes().getValue("Class-Path").split(" ")) {
						entries.add(Path.of(URI.create(url)).toString());
					}
				}
			}
			else {
				entries.add(entry);
			}
		}
		return String.join(File.pathSeparator,
				entries.stream().filter(entry -> !entry.replaceAll("/$", "").endsWith("test-classes")).toList());
	}

}
