package dev.phonehome.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.TestPropertySource;

import dev.phonehome.PhoneHomeTestSupport;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs real nights of the free demo installation against a stand-in receiver on loopback, with the retries'
 * delays made tiny. The read timeout (3 s) is far above a healthy answer's time even on a loaded machine and far
 * below a SLOW stand-in's (6 s), so the number of attempts a test expects does not depend on the machine's load.
 * Each test starts with an empty outbox.
 */
@TestPropertySource(properties = { "phonehome.delivery.initial-delay=1ms", "phonehome.delivery.jitter=1ms",
		"phonehome.delivery.max-delay=5ms", "phonehome.delivery.max-retries=2",
		"phonehome.delivery.read-timeout=3s", "phonehome.delivery.connect-timeout=1s" })
abstract class DeliveryTestSupport extends PhoneHomeTestSupport {

	static final String NIGHT = "2026-11-20";

	/**
	 * The properties of a node (an application context of its own, e.g. on PostgreSQL) whose delivery waits 1 ms
	 * between attempts and makes one attempt only, plus {@code more}.
	 */
	static String[] fastDelivery(String... more) {
		List<String> properties = new ArrayList<>(List.of("phonehome.delivery.initial-delay=1ms",
				"phonehome.delivery.jitter=1ms", "phonehome.delivery.max-delay=5ms", "phonehome.delivery.max-retries=0",
				"phonehome.delivery.read-timeout=5s"));
		properties.addAll(List.of(more));
		return properties.toArray(String[]::new);
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@BeforeEach
	void startWithAnEmptyOutbox() {
		clearOutbox();
		CliResult imported = cli("import", "--from", demoDump("free"));
		assertThat(imported.exitCode()).as(imported.err()).isZero();
	}

	@AfterEach
	void leaveAnEmptyOutbox() {
		clearOutbox();
	}

	private void clearOutbox() {
		jdbc.update("DELETE FROM phonehome_outbox");
		jdbc.update("DELETE FROM phonehome_lock WHERE name LIKE 'night:%'");
	}

	Outbox outbox() {
		return context.getBean(Outbox.class);
	}

	/** The free demo's services config, pointed at {@code url} with the stand-in's key (or {@code key}). */
	static String configFor(String url, String key) {
		try {
			Path folder = Files.createTempDirectory("phonehome-delivery-config");
			Path demo = DEMO.resolve("free");
			ObjectNode config = (ObjectNode) JSON.readTree(demo.resolve("codestream-services-config.json").toFile());
			ObjectNode apiServer = (ObjectNode) config.get("apiServer");
			if (url == null) {
				apiServer.remove("phoneHomeUrl");
			}
			else {
				apiServer.put("phoneHomeUrl", url);
			}
			ObjectNode secrets = config.has("universalSecrets") ? (ObjectNode) config.get("universalSecrets")
					: config.putObject("universalSecrets");
			secrets.put("telemetry", key);
			Path file = folder.resolve("codestream-services-config.json");
			JSON.writeValue(file.toFile(), config);
			// as an operator keeps it: phonehome refuses a config with a key that other users can read
			Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
			Files.copy(demo.resolve("container-versions"), folder.resolve("container-versions"));
			return file.toString();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static String configFor(StandInReceiver receiver) {
		return configFor(receiver.baseUrl(), StandInReceiver.KEY);
	}

	CliResult runNight(String night, String config) {
		return cli("run", "--date", night, "--config", config);
	}

}
