package dev.phonehome.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import dev.phonehome.PhoneHomeTestSupport.CliResult;
import dev.phonehome.PostgresTestSupport;
import dev.phonehome.cli.ExitCode;
import dev.phonehome.delivery.StandInReceiver.Behaviour;

/**
 * {@code --spring.profiles.active=postgres}: the store, the job repository and the outbox in PostgreSQL, shared by
 * two nodes (two application contexts, one archive folder standing for shared storage) that run the same night, or
 * send the same backlog, at the same moment.
 */
class PostgresDeliveryTests {

	private static final Path DEMO = Path.of("jobs/phone-home/demo").toAbsolutePath();

	private static final String[] FAST_RETRIES = DeliveryTestSupport.fastDelivery();

	@TempDir
	Path home;

	@RegisterExtension
	final PostgresTestSupport postgres = new PostgresTestSupport();

	@Test
	void postgresStoreShouldComputeTheGoldenPayloadAndDeliverIt(@TempDir Path out) throws Exception {
		// given
		ConfigurableApplicationContext node = postgres.startNode(home, FAST_RETRIES);
		assertThat(PostgresTestSupport.cli(node, "import", "--from", DEMO.resolve("free").toString()).exitCode())
			.isZero();
		try (StandInReceiver receiver = StandInReceiver.answering(Behaviour.OK)) {
			String config = DeliveryTestSupport.configFor(receiver);

			// when
			CliResult dryRun = PostgresTestSupport.cli(node, "run", "--date", "2026-11-20", "--dry-run", "--out",
					out.toString(), "--config", config);
			CliResult run = PostgresTestSupport.cli(node, "run", "--date", "2026-11-20", "--config", config);

			// then: the same bytes as on H2 (ids ordered by code point), and delivered once
			assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
			assertThat(Files.readAllBytes(out.resolve("payload.json"))).isEqualTo(
					Files.readAllBytes(Path.of("src/test/resources/golden/demo-free-2026-11-20.payload.json")));
			assertThat(run.exitCode()).as(run.err()).isZero();
			assertThat(receiver.taken()).hasSize(1);
			assertThat(outboxStatus("2026-11-20")).isEqualTo("DELIVERED");
		}
	}

	@Test
	void twoNodesStartingTheSameNightShouldDeliverItOnce() throws Exception {
		// given: two nodes on one schema; a receiver slow enough for the runs to overlap
		ConfigurableApplicationContext first = postgres.startNode(home, FAST_RETRIES);
		ConfigurableApplicationContext second = postgres.startNode(home, FAST_RETRIES);
		assertThat(PostgresTestSupport.cli(first, "import", "--from", DEMO.resolve("free").toString()).exitCode())
			.isZero();
		try (StandInReceiver receiver = new StandInReceiver(() -> Behaviour.SLOW, 300)) {
			String config = DeliveryTestSupport.configFor(receiver);
			ExecutorService threads = Executors.newFixedThreadPool(2);
			try {
				for (String night : List.of("2026-11-18", "2026-11-19", "2026-11-20")) {
					// when: both start the night at the same moment
					CyclicBarrier start = new CyclicBarrier(2);
					List<Future<CliResult>> runs = new ArrayList<>();
					for (ConfigurableApplicationContext node : List.of(first, second)) {
						runs.add(threads.submit(() -> {
							start.await();
							return PostgresTestSupport.cli(node, "run", "--date", night, "--config", config);
						}));
					}
					List<CliResult> results = new ArrayList<>();
					for (Future<CliResult> run : runs) {
						results.add(run.get(2, TimeUnit.MINUTES));
					}

					// then: one ran and delivered; the other ran nothing and said why
					assertThat(results).extracting(CliResult::exitCode)
						.as(results.toString())
						.containsOnlyOnce(ExitCode.OK.code());
					CliResult loser = results.stream().filter(r -> r.exitCode() != 0).findFirst().orElseThrow();
					assertThat(loser.exitCode()).isIn(ExitCode.ALREADY_RUNNING.code(),
							ExitCode.ALREADY_COMPLETED.code());
					assertThat(loser.err()).containsAnyOf("already running", "already completed");
					assertThat(receiver.taken().stream().filter(r -> r.nights().contains(night))).hasSize(1);
					assertThat(outboxStatus(night)).isEqualTo("DELIVERED");
				}
			}
			finally {
				threads.shutdownNow();
			}
		}
	}

	@Test
	void twoNodesSendingTheSameBacklogShouldSendEachNightOnce() throws Exception {
		// given: night 1 is queued (the receiver was down), then two nodes run nights 2 and 3 at the same moment
		ConfigurableApplicationContext first = postgres.startNode(home, FAST_RETRIES);
		ConfigurableApplicationContext second = postgres.startNode(home, FAST_RETRIES);
		assertThat(PostgresTestSupport.cli(first, "import", "--from", DEMO.resolve("free").toString()).exitCode())
			.isZero();
		boolean[] up = { false };
		try (StandInReceiver receiver = new StandInReceiver(() -> up[0] ? Behaviour.SLOW : Behaviour.UNAVAILABLE,
				300)) {
			String config = DeliveryTestSupport.configFor(receiver);
			assertThat(PostgresTestSupport.cli(first, "run", "--date", "2026-11-01", "--config", config).exitCode())
				.isEqualTo(ExitCode.DELIVERY_PENDING.code());
			up[0] = true;

			// when
			CyclicBarrier start = new CyclicBarrier(2);
			ExecutorService threads = Executors.newFixedThreadPool(2);
			List<Future<CliResult>> runs = new ArrayList<>();
			try {
				runs.add(threads.submit(() -> {
					start.await();
					return PostgresTestSupport.cli(first, "run", "--date", "2026-11-02", "--config", config);
				}));
				runs.add(threads.submit(() -> {
					start.await();
					return PostgresTestSupport.cli(second, "run", "--date", "2026-11-03", "--config", config);
				}));
				for (Future<CliResult> run : runs) {
					CliResult result = run.get(2, TimeUnit.MINUTES);
					assertThat(result.exitCode()).as(result.err()).isZero();
				}
			}
			finally {
				threads.shutdownNow();
			}

			// then: the senders' lock let one node at a time send; nobody sent a night twice
			List<String> taken = receiver.taken().stream().flatMap(r -> r.nights().stream()).sorted().toList();
			assertThat(taken).containsExactly("2026-11-01", "2026-11-02", "2026-11-03");
		}
	}

	private String outboxStatus(String night) throws Exception {
		try (Connection connection = postgres.connect();
				var statement = connection.prepareStatement("SELECT status FROM phonehome_outbox WHERE night = ?")) {
			statement.setObject(1, LocalDate.parse(night));
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? rs.getString(1) : null;
			}
		}
	}

}
