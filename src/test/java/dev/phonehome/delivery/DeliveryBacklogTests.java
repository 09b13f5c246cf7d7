package dev.phonehome.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.test.context.TestPropertySource;

import dev.phonehome.cli.ExitCode;
import dev.phonehome.delivery.StandInReceiver.Behaviour;
import dev.phonehome.record.DeliveryStatus;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecords;

/**
 * Many consecutive nights against a receiver that fails at random (seeded): the backlog is sent first, oldest
 * first, and every night ends delivered exactly once. A receiver that dedups by {@code Idempotency-Key} keeps one
 * copy of each night: a night it took more than once was always re-sent under the same key.
 * One retry per request within a run, so that a failing receiver leaves a backlog for later runs.
 */
@TestPropertySource(properties = "phonehome.delivery.max-retries=1")
class DeliveryBacklogTests extends DeliveryTestSupport {

	private static final List<Behaviour> FAILURES = List.of(Behaviour.SERVER_ERROR, Behaviour.UNAVAILABLE,
			Behaviour.CLOSE_EARLY, Behaviour.SLOW);

	@Test
	void tenNightsAgainstAReceiverFailing40PercentThenAHealthyNightShouldDeliverEveryNightExactlyOnce()
			throws Exception {
		// given: a receiver failing 40% of requests (500, 503, a 200 cut short, an answer after the timeout)
		Random random = new Random(20261120);
		boolean[] healthy = { false };
		Supplier<Behaviour> behaviours = () -> {
			synchronized (random) {
				return healthy[0] || random.nextDouble() >= 0.4 ? Behaviour.OK
						: FAILURES.get(random.nextInt(FAILURES.size()));
			}
		};
		try (StandInReceiver receiver = new StandInReceiver(behaviours, 6000)) {
			String config = configFor(receiver);
			List<LocalDate> nights = nights(LocalDate.parse("2026-11-10"), 11);

			// when: ten nights, then one more when the receiver is healthy
			List<Integer> exitCodes = new ArrayList<>();
			List<CliResult> runs = new ArrayList<>();
			for (LocalDate night : nights) {
				healthy[0] = night.equals(nights.get(10));
				CliResult run = runNight(night.toString(), config);
				assertThat(run.exitCode()).as(run.err())
					.isIn(ExitCode.OK.code(), ExitCode.DELIVERY_PENDING.code());
				exitCodes.add(run.exitCode());
				runs.add(run);
			}

			// then
			assertThat(exitCodes).as("some nights had to wait for a later run").contains(ExitCode.DELIVERY_PENDING.code());
			assertThat(exitCodes.get(10)).isEqualTo(ExitCode.OK.code());
			assertEveryNightDeliveredExactlyOnce(receiver, nights);
			assertThat(runs.get(10).out()).contains("delivery      delivered");
		}
	}

	@Test
	void thirtyNightsWithRandomFailuresShouldReachTheReceiverExactlyOnceEach() throws Exception {
		// given
		Random random = new Random(30);
		boolean[] healthy = { false };
		Supplier<Behaviour> behaviours = () -> {
			synchronized (random) {
				return healthy[0] || random.nextDouble() >= 0.5 ? Behaviour.OK
						: FAILURES.get(random.nextInt(FAILURES.size()));
			}
		};
		try (StandInReceiver receiver = new StandInReceiver(behaviours, 6000)) {
			String config = configFor(receiver);
			List<LocalDate> nights = nights(LocalDate.parse("2026-10-01"), 30);

			// when: thirty nights with failures, then the receiver heals and one more night runs
			for (LocalDate night : nights) {
				CliResult run = runNight(night.toString(), config);
				assertThat(run.exitCode()).as(run.err())
					.isIn(ExitCode.OK.code(), ExitCode.DELIVERY_PENDING.code());
			}
			healthy[0] = true;
			LocalDate last = nights.get(29).plusDays(1);
			assertThat(runNight(last.toString(), config).exitCode()).isEqualTo(ExitCode.OK.code());

			// then
			List<LocalDate> all = new ArrayList<>(nights);
			all.add(last);
			assertEveryNightDeliveredExactlyOnce(receiver, all);
			assertThat(receiver.requests()).allSatisfy(request -> assertThat(request.nights()).isSorted());
			assertThat(receiver.requests()).as("backlogs went out as sets of several nights")
				.anySatisfy(request -> assertThat(request.nights()).hasSizeGreaterThan(1));
			assertThat(receiver.taken().stream().flatMap(request -> request.nights().stream()).count())
				.as("some nights reached the receiver more than once (always under their first key)")
				.isGreaterThan(all.size());
		}
	}

	private void assertEveryNightDeliveredExactlyOnce(StandInReceiver receiver, List<LocalDate> nights)
			throws Exception {
		// the receiver's view: per night, every copy it took carried one and the same key
		Map<String, String> keyOfNight = new HashMap<>();
		Map<String, List<String>> nightsOfKey = new HashMap<>();
		for (StandInReceiver.Request taken : receiver.taken()) {
			nightsOfKey.putIfAbsent(taken.idempotencyKey(), taken.nights());
			assertThat(nightsOfKey.get(taken.idempotencyKey())).as("one key, one set").isEqualTo(taken.nights());
			for (String night : taken.nights()) {
				String earlier = keyOfNight.putIfAbsent(night, taken.idempotencyKey());
				assertThat(earlier == null || earlier.equals(taken.idempotencyKey()))
					.as("night %s taken again under another key", night)
					.isTrue();
			}
		}
		List<String> deduplicated = nightsOfKey.values().stream().flatMap(List::stream).sorted().toList();
		assertThat(deduplicated).containsExactlyElementsOf(nights.stream().map(LocalDate::toString).toList());

		// phonehome's view: the outbox, the execution of each night, and an addendum where a later run delivered
		JobRepository repository = context.getBean(JobRepository.class);
		for (LocalDate night : nights) {
			OutboxEntry entry = outbox().find(night).orElseThrow();
			assertThat(entry.status()).as("night %s", night).isEqualTo("DELIVERED");
			assertThat(entry.idempotencyKey()).isEqualTo(keyOfNight.get(night.toString()));
			JobExecution execution = repository.getJobExecution(entry.executionId());
			NightRecord.Delivery delivery = NightRecords.read(execution).delivery();
			assertThat(delivery.status()).as("night %s", night).isEqualTo(DeliveryStatus.DELIVERED);
			assertThat(delivery.deliveredAt()).isEqualTo(entry.deliveredAt().toString());
			assertThat(delivery.attempts()).isEqualTo(entry.attempts());
			var addendum = entry.payloadPath().getParent().resolve(DeliveryRecorder.ADDENDUM);
			boolean deliveredLater = entry.deliveredBy() != entry.executionId();
			assertThat(Files.exists(addendum)).as("addendum of night %s", night).isEqualTo(deliveredLater);
			if (deliveredLater) {
				assertThat(Files.readString(addendum)).contains("\"deliveredAt\" : \"" + entry.deliveredAt() + "\"");
			}
		}
	}

	private static List<LocalDate> nights(LocalDate first, int count) {
		List<LocalDate> nights = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			nights.add(first.plusDays(i));
		}
		return nights;
	}

}
