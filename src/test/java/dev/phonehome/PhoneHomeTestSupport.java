package dev.phonehome;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.phonehome.cli.CliRunner;
import picocli.CommandLine;

/**
 * Runs phonehome as its operator does (the CLI commands, exit codes, stdout and stderr) against a home directory
 * of its own under the system temp folder. The context is shared by the test classes; each test starts with an
 * empty job history and archive.
 */
@SpringBootTest(properties = "phonehome.cli.enabled=false")
public abstract class PhoneHomeTestSupport {

	protected static final Path HOME = createHome();

	protected static final Path DEMO = Path.of("jobs/phone-home/demo").toAbsolutePath();

	@Autowired
	protected ApplicationContext context;

	@Autowired
	protected JdbcTemplate jdbc;

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		registry.add("phonehome.home", HOME::toString);
	}

	@BeforeEach
	void startWithNoHistory() {
		for (String table : new String[] { "phonehome_outbox", "BATCH_STEP_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION_CONTEXT",
				"BATCH_STEP_EXECUTION", "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION", "BATCH_JOB_INSTANCE" }) {
			jdbc.update("DELETE FROM " + table);
		}
		deleteRecursively(HOME.resolve("nights"));
		deleteRecursively(HOME.resolve("work"));
	}

	/** Runs one command line as {@code java -jar phonehome.jar ARGS} would. */
	protected CliResult cli(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = CliRunner.newCommandLine(context);
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		int exitCode = commandLine.execute(args);
		return new CliResult(exitCode, out.toString(), err.toString());
	}

	/** The services config of a demo variant ("free" or "paid"). */
	protected static String demoConfig(String variant) {
		return DEMO.resolve(variant).resolve("codestream-services-config.json").toString();
	}

	protected static String demoDump(String variant) {
		return DEMO.resolve(variant).toString();
	}

	public record CliResult(int exitCode, String out, String err) {
	}

	private static Path createHome() {
		try {
			return Files.createTempDirectory("phonehome-test-home");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	protected static void deleteRecursively(Path folder) {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
