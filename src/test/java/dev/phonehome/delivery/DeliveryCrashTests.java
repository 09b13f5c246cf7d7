package dev.phonehome.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.phonehome.PhoneHomeApplication;
import dev.phonehome.PostgresTestSupport;
import dev.phonehome.cli.ExitCode;
import dev.phonehome.delivery.StandInReceiver.Behaviour;

/**
 * {@code kill -9} in the middle of a delivery (a child JVM, killed while the receiver holds its request), then the
 * same command again: the night resumes, and the one re-send carries the same {@code Idempotency-Key}.
 */
class DeliveryCrashTests {

	private static final String NIGHT = "2026-11-20";

	@TempDir
	Path home;

	@Test
	void nightKilledMidDeliveryShouldBeResentUnderTheSameKeyByTheNextRun() throws Exception {
		try (PostgresTestSupport postgres = new PostgresTestSupport();
				StandInReceiver receiver = StandInReceiver.answering(Behaviour.HANG, Behaviour.OK)) {
			// given: the demo imported into this test's schema
			var node = postgres.startNode(home);
			assertThat(PostgresTestSupport.cli(node, "import", "--from",
					Path.of("jobs/phone-home/demo/free").toAbsolutePath().toString()).exitCode()).isZero();
			String config = DeliveryTestSupport.configFor(receiver);

			// when: a run is killed while its request is at the receiver (taken, never answered)
			Process first = phonehome(postgres, config, "first", "--phonehome.delivery.read-timeout=10m");
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
			while (receiver.requests().isEmpty() && first.isAlive() && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			assertThat(receiver.requests()).as(Files.readString(home.resolve("first.err"))).hasSize(1);
			first.destroyForcibly();
			assertThat(first.waitFor(1, TimeUnit.MINUTES)).isTrue();
			assertThat(outbox(postgres, "status, in_flight")).isEqualTo("PENDING true");

			// and the same command runs again
			Process second = phonehome(postgres, config, "second");
			assertThat(second.waitFor(3, TimeUnit.MINUTES)).isTrue();

			// then
			String err = Files.readString(home.resolve("second.err"));
			assertThat(second.exitValue()).as(err).isEqualTo(ExitCode.OK.code());
			assertThat(err).contains("was left STARTED by a process that stopped");
			assertThat(receiver.taken()).hasSize(2);
			assertThat(receiver.taken().get(1).nights()).containsExactly(NIGHT);
			assertThat(receiver.taken().get(1).idempotencyKey()).isEqualTo(receiver.taken().get(0).idempotencyKey());
			assertThat(outbox(postgres, "status, attempts, key_fixed")).isEqualTo("DELIVERED 2 true");
			assertThat(Files.readString(home.resolve("second.out"))).contains("delivery      delivered");
		}
	}

	private Process phonehome(PostgresTestSupport postgres, String config, String name, String... extra)
			throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), PhoneHomeApplication.class.getName(), "run", "--home",
				home.toString(), "--date", NIGHT, "--config", config, "--spring.profiles.active=postgres",
				"--spring.datasource.url=" + postgres.url(), "--spring.datasource.username=" + PostgresTestSupport.USER,
				"--phonehome.delivery.initial-delay=1ms", "--phonehome.delivery.jitter=1ms"));
		command.addAll(List.of(extra));
		return new ProcessBuilder(command).redirectOutput(home.resolve(name + ".out").toFile())
			.redirectError(home.resolve(name + ".err").toFile())
			.directory(new File(".").getAbsoluteFile())
			.start();
	}

	private static String outbox(PostgresTestSupport postgres, String columns) throws Exception {
		try (Connection connection = postgres.connect();
				var statement = connection
					.prepareStatement("SELECT " + columns + " FROM phonehome_outbox WHERE night = ?")) {
			statement.setObject(1, LocalDate.parse(NIGHT));
			try (ResultSet rs = statement.executeQuery()) {
				assertThat(rs.next()).isTrue();
				List<String> values = new ArrayList<>();
				for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
					values.add(String.valueOf(rs.getObject(i)));
				}
				return String.join(" ", values);
			}
		}
	}

}
