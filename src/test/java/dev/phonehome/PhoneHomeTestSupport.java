package dev.phonehome;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import dev.phonehome.cli.CliRunner;
import com.sun.net.httpserver.HttpServer;
import picocli.CommandLine;

/**
 * Runs phonehome as its operator does (the CLI commands, exit codes, stdout and stderr) against a home directory
 * of its own under the system temp folder. The context is shared by the test classes; each test starts with an
 * empty job history and archive. The source is the embedded store, whatever a config says (a test class that
 * reads MongoDB sets {@code phonehome.source} itself).
 */
@SpringBootTest(properties = { "phonehome.cli.enabled=false", "phonehome.source=embedded" })
public abstract class PhoneHomeTestSupport {

	protected static final Path HOME = createHome();

	protected static final Path DEMO = Path.of("jobs/phone-home/demo").toAbsolutePath();

	/**
	 * A healthy vendor endpoint on loopback that takes every POST with a 200, so the demo configs deliver
	 * (delivery's failure modes have their own stand-ins in the delivery tests).
	 */
	protected static final HttpServer RECEIVER = startHealthyReceiver();

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
		for (String table : new String[] { "phonehome_outbox", "phonehome_chain", "phonehome_approval", "phonehome_scope_gate", "BATCH_STEP_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION_CONTEXT",
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

	/**
	 * The services config of a demo variant ("free" or "paid"), copied with its container-versions into a private
	 * folder (mode 600, as an operator keeps it: phonehome refuses a config with a key that others can read).
	 */
	protected static String demoConfig(String variant) {
		try {
			Path folder = HOME.resolve("config-" + variant);
			Files.createDirectories(folder);
			for (String name : new String[] { "codestream-services-config.json", "container-versions" }) {
				Path copy = folder.resolve(name);
				Files.writeString(copy, Files.readString(DEMO.resolve(variant).resolve(name))
					.replace("http://127.0.0.1:12089", "http://127.0.0.1:" + RECEIVER.getAddress().getPort()));
				Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
			}
			return folder.resolve("codestream-services-config.json").toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	protected static String demoDump(String variant) {
		return DEMO.resolve(variant).toString();
	}

	public record CliResult(int exitCode, String out, String err) {
	}

	private static HttpServer startHealthyReceiver() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/phone-home", exchange -> {
				exchange.getRequestBody().readAllBytes();
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
		try {
			FileSystemUtils.deleteRecursively(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
