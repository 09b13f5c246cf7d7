package dev.phonehome;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.phonehome.PhoneHomeTestSupport.CliResult;
import dev.phonehome.cli.CliRunner;
import picocli.CommandLine;

/**
 * The real PostgreSQL every machine here runs (127.0.0.1:5432, trust auth, database {@code test}); each test gets
 * a schema of its own ({@code t_<random>}, dropped afterwards) and runs phonehome in it with
 * {@code --spring.profiles.active=postgres}, as one or several nodes (application contexts) would. As a field,
 * {@code @RegisterExtension final PostgresTestSupport postgres = new PostgresTestSupport();} gives each test its
 * schema and closes its nodes and drops the schema after it; otherwise close it yourself.
 */
public final class PostgresTestSupport implements AutoCloseable, AfterEachCallback {

	public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

	public static final String USER = "postgres";

	private final String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

	private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	public PostgresTestSupport() {
		execute("CREATE SCHEMA " + schema);
	}

	public String schema() {
		return schema;
	}

	/** The JDBC URL of this test's schema. */
	public String url() {
		return SERVER + "?currentSchema=" + schema;
	}

	/** Starts one phonehome node on this schema, with {@code home} as its home directory. */
	public ConfigurableApplicationContext startNode(Path home, String... properties) {
		return startNode(home, null, properties);
	}

	/** Starts one phonehome node on this schema whose clock is {@code clock} (null: the system's). */
	public ConfigurableApplicationContext startNode(Path home, java.time.Clock clock, String... properties) {
		// as command-line arguments: they must win over application-postgres.properties
		List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + url(),
				"--spring.datasource.username=" + USER, "--phonehome.home=" + home, "--phonehome.cli.enabled=false"));
		for (String property : properties) {
			arguments.add("--" + property);
		}
		SpringApplicationBuilder builder = new SpringApplicationBuilder(PhoneHomeApplication.class).profiles("postgres");
		if (clock != null) {
			// before the beans are defined: the application's own clock steps aside for it
			builder.initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock));
		}
		ConfigurableApplicationContext node = builder.run(arguments.toArray(String[]::new));
		if (!url().equals(node.getEnvironment().getProperty("spring.datasource.url"))) {
			throw new IllegalStateException("the node would not use this test's schema");
		}
		nodes.add(node);
		return node;
	}

	/** Runs one command line on a node, as {@code java -jar phonehome.jar ARGS} would. */
	public static CliResult cli(ConfigurableApplicationContext node, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = CliRunner.newCommandLine(node);
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		int exitCode = commandLine.execute(args);
		return new CliResult(exitCode, out.toString(), err.toString());
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(url(), USER, "");
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + SERVER + " (user " + USER + "): " + ex.getMessage()
					+ "; the tests need it running (see .ci/run)", ex);
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		close();
	}

	@Override
	public void close() {
		nodes.forEach(ConfigurableApplicationContext::close);
		execute("DROP SCHEMA " + schema + " CASCADE");
	}

}
