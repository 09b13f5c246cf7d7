package dev.phonehome.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.phonehome.PhoneHomeTestSupport;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 11: each way a secret used to leak is fed to {@code run}, end to end, and the secret is looked for in
 * stdout, stderr, the logs, every table (job repository, outbox, store) and every file written ({@link SecretScan}).
 * To cover a new case, add a {@link LeakCase} to {@link #cases()}: a name, the secrets, the exit code expected, and
 * how to prepare the run (it gets a private folder, outside the home, for its config).
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretLeakTests extends PhoneHomeTestSupport {

	static final String DEMO_KEY = "demo-phone-home-key-not-a-secret";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * @param secrets what must appear nowhere
	 * @param importDemo whether the night needs the demo installation in the store (it gets as far as delivery)
	 * @param runArguments given the case's private folder, the arguments of {@code run} after {@code --date}
	 */
	record LeakCase(String name, List<String> secrets, int exitCode, boolean importDemo,
			Function<Path, List<String>> runArguments) {

		@Override
		public String toString() {
			return name;
		}

	}

	static Stream<LeakCase> cases() {
		int closed = closedPort();
		int receiver = RECEIVER.getAddress().getPort();
		return Stream.of(
				new LeakCase("key with a pasted zero-width space", List.of("LEAK1a", "LEAK1b"), 3, false,
						folder -> config(folder, key("LEAK1a\u200BLEAK1b"))),
				new LeakCase("key with a line break", List.of("LEAK2a", "LEAK2b"), 3, false,
						folder -> config(folder, key("LEAK2a\nLEAK2b"))),
				new LeakCase("syntax error: the key without quotes", List.of("LEAK3key"), 3, false,
						folder -> rawConfig(folder, "\"" + DEMO_KEY + "\"", "LEAK3key")),
				new LeakCase("syntax error: a raw line break in the key", List.of("LEAK4a", "LEAK4b"), 3, false,
						folder -> rawConfig(folder, DEMO_KEY, "LEAK4a\nLEAK4b")),
				new LeakCase("config in MongoDB, '?' in the password of mongo.url", List.of("pa?LEAK5", "LEAK5"), 3,
						false, folder -> mongoUrl(folder, "mongodb://u:pa?LEAK5@127.0.0.1:" + closed + "/codestream")),
				new LeakCase("config in MongoDB, unreachable, password in mongo.url", List.of("LEAK6pw"), 3, false,
						folder -> mongoUrl(folder, "mongodb://u:LEAK6pw@127.0.0.1:" + closed + "/codestream")),
				new LeakCase("delivery URL with credentials the JDK does not read as user info",
						List.of("LEAK7", DEMO_KEY), 9, true,
						folder -> config(folder, url("http://user:p@LEAK7@127.0.0.1:" + receiver + "/"))),
				new LeakCase("delivery URL with ?apikey=", List.of("LEAK8", DEMO_KEY), 0, true,
						folder -> config(folder, url("http://127.0.0.1:" + receiver + "/?apikey=LEAK8"))));
	}

	@TempDir
	Path folder;

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void secretShouldAppearNowhere(LeakCase leak, CapturedOutput output) {
		// given
		if (leak.importDemo()) {
			assertThat(cli("import", "--from", demoDump("free")).exitCode()).isZero();
		}
		List<String> arguments = new ArrayList<>(List.of("run", "--date", "2026-11-20"));
		arguments.addAll(leak.runArguments().apply(folder));

		// when
		CliResult run = cli(arguments.toArray(String[]::new));

		// then
		assertThat(SecretScan.afterRun(leak.secrets(), run, output, jdbc, HOME)).as("where the secret leaked").isEmpty();
		assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(leak.exitCode());
	}

	private static Consumer<ObjectNode> key(String key) {
		return config -> ((ObjectNode) config.get("universalSecrets")).put("telemetry", key);
	}

	private static Consumer<ObjectNode> url(String url) {
		return config -> ((ObjectNode) config.get("apiServer")).put("phoneHomeUrl", url);
	}

	/** The demo's free config, changed, written privately; the arguments that point {@code run} at it. */
	private static List<String> config(Path folder, Consumer<ObjectNode> change) {
		ObjectNode config = (ObjectNode) JSON.readTree(DEMO.resolve("free/codestream-services-config.json").toFile());
		change.accept(config);
		return writeConfig(folder, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config));
	}

	/** The demo's free config as text, with {@code text} replaced: for what JSON cannot hold. */
	private static List<String> rawConfig(Path folder, String text, String replacement) {
		try {
			String config = Files.readString(DEMO.resolve("free/codestream-services-config.json"));
			assertThat(config).contains(text);
			return writeConfig(folder, config.replace(text, replacement));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A mongo.url beside the config path, as the installer leaves it when the config lives in MongoDB. */
	private static List<String> mongoUrl(Path folder, String url) {
		try {
			Path urlFile = Files.writeString(folder.resolve("mongo.url"), url + "\n");
			Files.setPosixFilePermissions(urlFile, PosixFilePermissions.fromString("rw-------"));
			return List.of("--config", folder.resolve("codestream-services-config.json").toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> writeConfig(Path folder, String json) {
		try {
			Path file = Files.writeString(folder.resolve("codestream-services-config.json"), json);
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			Files.copy(DEMO.resolve("free/container-versions"), folder.resolve("container-versions"));
			return List.of("--config", file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
