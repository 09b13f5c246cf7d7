package dev.phonehome.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import dev.phonehome.PhoneHomeTestSupport.CliResult;
import dev.phonehome.PostgresTestSupport;
import dev.phonehome.artefact.ArtefactWriter;
import dev.phonehome.cli.ExitCode;
import dev.phonehome.delivery.StandInReceiver.Behaviour;

/**
 * Issue 12 §6: two nodes that share nothing but PostgreSQL (each its own {@code --home}) run the same cron line
 * ({@code run}, the night before the clock's day) every day for 30 simulated days against one stand-in receiver.
 * Some days one node is down, some days the receiver is: a night archived by one node is then sent, exported and
 * verified by the other, from the database copy of its archive.
 */
class SeparateHomesTests {

	private static final Path DEMO = Path.of("jobs/phone-home/demo").toAbsolutePath();

	private static final LocalDate FIRST_NIGHT = LocalDate.parse("2026-11-02");

	private static final int DAYS = 30;

	/** Days (1 = the first night's next day) node A is down, node B is down, the receiver is down. */
	private static final Set<Integer> A_DOWN = Set.of(8, 9, 10);

	private static final Set<Integer> B_DOWN = Set.of(11);

	private static final Set<Integer> RECEIVER_DOWN = Set.of(5, 9, 10);

	// the nights come after the import (the stale-store check must let them run)
	private static final String[] PROPERTIES = DeliveryTestSupport.fastDelivery("phonehome.source.stale-margin=60d");

	@TempDir
	Path homeA;

	@TempDir
	Path homeB;

	@TempDir
	Path out;

	@RegisterExtension
	final PostgresTestSupport postgres = new PostgresTestSupport();

	@Test
	void twoNodesWithTheirOwnHomesShouldDeliverEveryNightOnceAndVerifyClean() throws Exception {
		// given
		MovableClock clock = new MovableClock(dayAfter(FIRST_NIGHT));
		ConfigurableApplicationContext a = postgres.startNode(homeA, clock, PROPERTIES);
		ConfigurableApplicationContext b = postgres.startNode(homeB, clock, PROPERTIES);
		assertThat(PostgresTestSupport.cli(a, "import", "--from", DEMO.resolve("free").toString()).exitCode())
			.isZero();
		boolean[] receiverUp = { true };
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try (StandInReceiver receiver = new StandInReceiver(
				(Function<List<String>, Behaviour>) nights -> receiverUp[0] ? Behaviour.OK : Behaviour.UNAVAILABLE,
				300)) {
			String config = DeliveryTestSupport.configFor(receiver);

			// when: every day, the cron line on every node that is up
			for (int day = 1; day <= DAYS; day++) {
				LocalDate night = FIRST_NIGHT.plusDays(day - 1);
				clock.set(dayAfter(night));
				receiverUp[0] = !RECEIVER_DOWN.contains(day);
				List<ConfigurableApplicationContext> up = new ArrayList<>();
				if (!A_DOWN.contains(day)) {
					up.add(a);
				}
				if (!B_DOWN.contains(day)) {
					up.add(b);
				}
				List<CliResult> results = runTogether(threads, up, config);

				// then: one node ran the night (queued it when the receiver was down), any other ran nothing
				int expected = receiverUp[0] ? ExitCode.OK.code() : ExitCode.DELIVERY_PENDING.code();
				String why = "night " + night + ": " + results;
				assertThat(results).extracting(CliResult::exitCode).as(why).containsOnlyOnce(expected);
				assertThat(results).extracting(CliResult::exitCode)
					.as(why)
					.allMatch(code -> code == expected || code == ExitCode.ALREADY_COMPLETED.code()
							|| code == ExitCode.ALREADY_RUNNING.code());
			}

			// then: every night reached the receiver exactly once, with the bytes archived for it
			Map<String, Long> taken = receiver.taken()
				.stream()
				.flatMap(request -> request.nights().stream())
				.collect(Collectors.groupingBy(n -> n, Collectors.counting()));
			assertThat(taken).hasSize(DAYS).allSatisfy((night, times) -> assertThat(times).as(night).isEqualTo(1));
			Map<String, String> recorded = outboxDigests();
			for (StandInReceiver.Request request : receiver.taken()) {
				for (int i = 0; i < request.nights().size(); i++) {
					assertThat(request.sha256s().get(i)).isEqualTo(recorded.get(request.nights().get(i)));
				}
			}
			assertThat(outboxStatuses()).hasSize(DAYS).containsOnly("DELIVERED");
		}
		finally {
			threads.shutdownNow();
		}

		// then: nights 9 and 10 were archived by B while the receiver was down, and sent by A (B down on day 11)
		// from the database copy, now restored in A's own home with the recorded bytes
		for (int day : List.of(9, 10)) {
			LocalDate night = FIRST_NIGHT.plusDays(day - 1);
			Path restored = onlyPayload(homeA, night);
			assertThat(ArtefactWriter.describe(restored).sha256()).isEqualTo(outboxDigests().get(night.toString()));
			assertThat(restored).hasSameBinaryContentAs(onlyPayload(homeB, night));
		}

		// when: A exports a night only B ran (A was down)
		LocalDate bOnly = FIRST_NIGHT.plusDays(8 - 1);
		assertThat(homeA.resolve("nights").resolve(bOnly.toString())).doesNotExist();
		Path body = out.resolve("body.json");
		CliResult export = PostgresTestSupport.cli(a, "export", "--date", bOnly.toString(), "--out", body.toString());

		// then: the request body is B's archived payload, byte for byte
		assertThat(export.exitCode()).as(export.err()).isZero();
		byte[] payload = Files.readAllBytes(onlyPayload(homeB, bOnly));
		assertThat(Files.readAllBytes(body)).isEqualTo(concat("[".getBytes(StandardCharsets.US_ASCII), payload,
				"]".getBytes(StandardCharsets.US_ASCII)));

		// when: B compares the night only A ran (B was down) with the night before, which B ran
		String onlyA = FIRST_NIGHT.plusDays(11 - 1).toString();
		CliResult diff = PostgresTestSupport.cli(b, "diff", "--date", onlyA);

		// then: A's payload, from the database copy, against B's own
		assertThat(diff.exitCode()).as(diff.err()).isZero();
		assertThat(diff.out()).contains("night " + onlyA + " (execution ")
			.contains("compared with night " + FIRST_NIGHT.plusDays(10 - 1));
		assertThat(onlyPayload(homeB, LocalDate.parse(onlyA))).hasSameBinaryContentAs(
				onlyPayload(homeA, LocalDate.parse(onlyA)));

		// when
		CliResult verifyA = PostgresTestSupport.cli(a, "verify", "--all");
		CliResult verifyB = PostgresTestSupport.cli(b, "verify", "--all");

		// then: both clean; each names the nights whose files it holds only in the database
		assertThat(verifyA.exitCode()).as(verifyA.out()).isZero();
		assertThat(verifyB.exitCode()).as(verifyB.out()).isZero();
		assertThat(heldOnlyInDatabase(verifyA)).contains(bOnly.toString()).doesNotContain(onlyA);
		assertThat(heldOnlyInDatabase(verifyB)).contains(onlyA).doesNotContain(bOnly.toString());
		// A's audit of the night B ran is not on A, but its copy was checked
		assertThat(verifyA.out()).containsPattern("DATABASE_ONLY +night " + bOnly + " execution \\d+ "
				+ java.util.regex.Pattern.quote(homeA.resolve("nights").resolve(bOnly.toString()).toString())
				+ "/execution-\\d+/audit.pdf: held only in the database");
	}

	private static List<CliResult> runTogether(ExecutorService threads, List<ConfigurableApplicationContext> nodes,
			String config) throws Exception {
		CyclicBarrier start = new CyclicBarrier(nodes.size());
		List<Future<CliResult>> runs = new ArrayList<>();
		for (ConfigurableApplicationContext node : nodes) {
			runs.add(threads.submit(() -> {
				start.await();
				return PostgresTestSupport.cli(node, "run", "--config", config);
			}));
		}
		List<CliResult> results = new ArrayList<>();
		for (Future<CliResult> run : runs) {
			results.add(run.get(2, TimeUnit.MINUTES));
		}
		return results;
	}

	/** The "held only in the database" line's nights. */
	private static List<String> heldOnlyInDatabase(CliResult verify) {
		return verify.out()
			.lines()
			.filter(line -> line.startsWith("held only in the database"))
			.flatMap(line -> Stream.of(line.substring(line.lastIndexOf(": ") + 2).split(", ")))
			.toList();
	}

	private static Path onlyPayload(Path home, LocalDate night) throws Exception {
		try (Stream<Path> files = Files.walk(home.resolve("nights").resolve(night.toString()))) {
			List<Path> payloads = files.filter(f -> f.getFileName().toString().equals("payload.json")).toList();
			assertThat(payloads).hasSize(1);
			return payloads.get(0);
		}
	}

	private Map<String, String> outboxDigests() throws Exception {
		return outbox("payload_sha256");
	}

	private List<String> outboxStatuses() throws Exception {
		return List.copyOf(outbox("status").values());
	}

	private Map<String, String> outbox(String column) throws Exception {
		Map<String, String> values = new java.util.TreeMap<>();
		try (Connection connection = postgres.connect();
				var statement = connection.prepareStatement("SELECT night, " + column + " FROM phonehome_outbox");
				ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				values.put(rs.getString(1), rs.getString(2));
			}
		}
		return values;
	}

	private static byte[] concat(byte[]... parts) {
		java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			all.writeBytes(part);
		}
		return all.toByteArray();
	}

	/** The cron line's moment: the night's next day, 02:15 UTC. */
	private static Instant dayAfter(LocalDate night) {
		return night.plusDays(1).atTime(2, 15).toInstant(ZoneOffset.UTC);
	}

	/** One clock for both nodes, moved to each simulated day. */
	private static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void set(Instant instant) {
			now = instant;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(now, zone);
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
