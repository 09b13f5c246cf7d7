package dev.phonehome.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.phonehome.PhoneHomeTestSupport;
import dev.phonehome.cli.ExitCode;

/** {@code export}: the POST body of a night, byte for byte, recorded in the history. */
class ExportCommandTests extends PhoneHomeTestSupport {

	private static final Path GOLDEN = Path.of("src/test/resources/golden/demo-free-2026-11-20.payload.json");

	@TempDir
	Path folder;

	@BeforeEach
	void nightArchived() {
		assertThat(cli("import", "--from", demoDump("free")).exitCode()).isZero();
		assertThat(cli("run", "--date", "2026-11-20", "--config", demoConfig("free")).exitCode()).isZero();
	}

	@Test
	void exportShouldWriteTheRequestBodyAsAJsonArrayOfTheArchivedPayload() throws Exception {
		// when
		Path body = folder.resolve("body.json");
		CliResult export = cli("export", "--date", "2026-11-20", "--out", body.toString());

		// then
		assertThat(export.exitCode()).as(export.err()).isZero();
		byte[] payload = Files.readAllBytes(GOLDEN);
		byte[] expected = new byte[payload.length + 2];
		expected[0] = '[';
		System.arraycopy(payload, 0, expected, 1, payload.length);
		expected[expected.length - 1] = ']';
		assertThat(Files.readAllBytes(body)).isEqualTo(expected);
		assertThat(export.out()).contains("body sha256").contains("X-CS-Phone-Home-Key: <key>")
			.containsPattern("-H 'Idempotency-Key: [0-9a-f]{64}'");
		assertThat(cli("history", "--format", "csv").out()).contains("export (payload of execution");
	}

	@Test
	void nightWithoutARunShouldBeRefused() {
		CliResult export = cli("export", "--date", "2026-11-01", "--out", folder.resolve("x.json").toString());

		assertThat(export.exitCode()).isEqualTo(ExitCode.USAGE.code());
		assertThat(export.err()).contains("night 2026-11-01 was never queued for delivery");
		assertThat(folder.resolve("x.json")).doesNotExist();
	}

}
