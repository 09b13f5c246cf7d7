package dev.phonehome.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import dev.phonehome.PhoneHomeTestSupport.CliResult;
import dev.phonehome.PostgresTestSupport;
import dev.phonehome.cli.ExitCode;
import dev.phonehome.delivery.StandInReceiver.Behaviour;

/**
 * The database copy of a night's archive is only ever used after its digest is checked against the record: a copy
 * altered in the database is neither restored nor sent, and {@code verify} on every node says so.
 */
class DatabaseCopyTests {

	private static final Path DEMO = Path.of("jobs/phone-home/demo").toAbsolutePath();

	private static final String[] PROPERTIES = DeliveryTestSupport.fastDelivery("phonehome.source.stale-margin=60d");

	@TempDir
	Path homeA;

	@TempDir
	Path homeB;

	@RegisterExtension
	final PostgresTestSupport postgres = new PostgresTestSupport();

	@Test
	void anAlteredDatabaseCopyShouldNeitherBeRestoredNorSent() throws Exception {
		// given: node A archived and queued a night the receiver did not take; then its copy in the database changed
		ConfigurableApplicationContext a = postgres.startNode(homeA, PROPERTIES);
		ConfigurableApplicationContext b = postgres.startNode(homeB, PROPERTIES);
		assertThat(PostgresTestSupport.cli(a, "import", "--from", DEMO.resolve("free").toString()).exitCode())
			.isZero();
		boolean[] up = { false };
		try (StandInReceiver receiver = new StandInReceiver(() -> up[0] ? Behaviour.OK : Behaviour.UNAVAILABLE,
				300)) {
			String config = DeliveryTestSupport.configFor(receiver);
			CliResult queued = PostgresTestSupport.cli(a, "run", "--date", "2026-11-20", "--config", config);
			assertThat(queued.exitCode()).as(queued.err()).isEqualTo(ExitCode.DELIVERY_PENDING.code());
			flipPayloadCopyByte();
			up[0] = true;

			// when: node B verifies, then runs the next night (and so the backlog)
			CliResult verifyB = PostgresTestSupport.cli(b, "verify", "--date", "2026-11-20");
			CliResult verifyA = PostgresTestSupport.cli(a, "verify", "--date", "2026-11-20");
			CliResult next = PostgresTestSupport.cli(b, "run", "--date", "2026-11-21", "--config", config);

			// then: the changed copy is named on both nodes; B restored nothing and sent only its own night
			assertThat(verifyB.exitCode()).as(verifyB.out()).isEqualTo(ExitCode.VERIFY_MISMATCH.code());
			assertThat(verifyB.out()).containsPattern("CHANGED +night 2026-11-20 execution \\d+ \\S+/payload.json "
					+ "\\(database copy\\): recorded sha256 [0-9a-f]{64}, now [0-9a-f]{64}")
				.containsPattern("MISSING +night 2026-11-20 execution \\d+ "
						+ java.util.regex.Pattern.quote(homeB.toString()) + "\\S+/payload.json")
				.doesNotContainPattern("DATABASE_ONLY .*/payload.json")
				// its audit's copies are intact: held only in the database, not a problem
				.containsPattern("DATABASE_ONLY +night 2026-11-20 execution \\d+ \\S+/audit.pdf");
			assertThat(verifyA.exitCode()).as(verifyA.out()).isEqualTo(ExitCode.VERIFY_MISMATCH.code());
			assertThat(verifyA.out()).contains("(database copy)");
			assertThat(next.exitCode()).as(next.err()).isIn(ExitCode.OK.code(), ExitCode.DELIVERY_PENDING.code());
			assertThat(receiver.taken().stream().flatMap(r -> r.nights().stream())).containsExactly("2026-11-21");
			assertThat(payloads(homeB, "2026-11-20")).isEmpty();

			// when: the copy is put right, B's next run sends the night from it
			flipPayloadCopyByte();
			CliResult after = PostgresTestSupport.cli(b, "run", "--date", "2026-11-22", "--config", config);

			// then
			assertThat(after.exitCode()).as(after.err()).isZero();
			assertThat(receiver.taken().stream().flatMap(r -> r.nights().stream())).containsExactlyInAnyOrder(
					"2026-11-21", "2026-11-20", "2026-11-22");
			assertThat(payloads(homeB, "2026-11-20")).singleElement()
				.satisfies(restored -> assertThat(restored).hasSameBinaryContentAs(
						payloads(homeA, "2026-11-20").get(0)));
			assertThat(PostgresTestSupport.cli(b, "verify", "--all").exitCode()).isZero();
		}
	}

	/** Flips one bit of the night's payload copy (twice: back as it was). */
	private void flipPayloadCopyByte() throws Exception {
		try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
			int changed = statement.executeUpdate("UPDATE phonehome_archive_chunk SET bytes = set_byte(bytes, 100, "
					+ "get_byte(bytes, 100) # 1) WHERE seq = 0 AND copy_id = (SELECT id FROM phonehome_archive_copy "
					+ "WHERE night = DATE '2026-11-20' AND recorded_path LIKE '%/payload.json')");
			assertThat(changed).isEqualTo(1);
		}
	}

	private static java.util.List<Path> payloads(Path home, String night) throws Exception {
		Path folder = home.resolve("nights").resolve(night);
		if (!Files.isDirectory(folder)) {
			return java.util.List.of();
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(f -> f.getFileName().toString().equals("payload.json")).toList();
		}
	}

}
