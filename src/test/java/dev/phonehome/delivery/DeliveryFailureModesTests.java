package dev.phonehome.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.phonehome.cli.ExitCode;
import dev.phonehome.delivery.StandInReceiver.Behaviour;
import dev.phonehome.record.DeliveryStatus;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecords;

/** One stand-in per way the endpoint can fail; each real night ends delivered, or archived and queued. */
class DeliveryFailureModesTests extends DeliveryTestSupport {

	@Test
	void nightShouldBeDeliveredOnceWhenTheReceiverAnswers200() throws Exception {
		try (StandInReceiver receiver = StandInReceiver.answering(Behaviour.OK)) {
			// when
			CliResult run = runNight(NIGHT, configFor(receiver));

			// then
			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK.code());
			assertThat(receiver.requests()).hasSize(1);
			StandInReceiver.Request request = receiver.requests().get(0);
			assertThat(request.nights()).containsExactly(NIGHT);
			assertThat(request.phoneHomeKey()).isEqualTo(StandInReceiver.KEY);
			OutboxEntry entry = outbox().find(LocalDate.parse(NIGHT)).orElseThrow();
			assertThat(entry.delivered()).isTrue();
			assertThat(request.sha256s()).containsExactly(entry.payloadSha256());
			assertThat(request.idempotencyKey()).isEqualTo(entry.idempotencyKey()).hasSize(64);
			assertThat(run.out()).contains("delivery      delivered ").contains("(HTTP 200, 1 attempt)");
			var facts = lastExecutionFacts();
			NightRecord.Delivery delivery = NightRecords.read(lastExecution()).delivery();
			assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
			assertThat(delivery.httpStatus()).isEqualTo(200);
			assertThat(delivery.deliveredAt()).isEqualTo(entry.deliveredAt().toString());
			assertThat(delivery.idempotencyKey()).isEqualTo(entry.idempotencyKey());
			assertThat(facts.toString()).doesNotContain(StandInReceiver.KEY);
			assertThat(run.out() + run.err()).doesNotContain(StandInReceiver.KEY);
		}
	}

	@Test
	void nightShouldStayQueuedAndExitDeliveryPendingWhenTheReceiverKeepsAnswering500() throws Exception {
		try (StandInReceiver receiver = StandInReceiver.answering(Behaviour.SERVER_ERROR)) {
			// when
			CliResult run = runNight(NIGHT, configFor(receiver));

			// then: the first attempt and two retries, then the night stays pending; the job itself completed
			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.DELIVERY_PENDING.code());
			assertThat(receiver.requests()).hasSize(3);
			assertThat(receiver.requests()).extracting(StandInReceiver.Request::idempotencyKey).containsOnly(
					receiver.requests().get(0).idempotencyKey());
			OutboxEntry entry = outbox().find(LocalDate.parse(NIGHT)).orElseThrow();
			assertThat(entry.status()).isEqualTo("PENDING");
			assertThat(entry.attempts()).isEqualTo(3);
			assertThat(entry.lastHttpStatus()).isEqualTo(500);
			assertThat(entry.keyFixed()).as("a 500 may come from a proxy after the receiver took it").isTrue();
			assertThat(run.out()).contains("PENDING: not confirmed after 3 attempts (HTTP 500)");
			assertThat(NightRecords.read(lastExecution()).delivery().status()).isEqualTo(DeliveryStatus.PENDING);
			assertThat(Files.exists(entry.payloadPath())).isTrue();
		}
	}

	@Test
	void nightShouldBeDeliveredOnRetryWhenTheReceiverAnswers503Then200() throws Exception {
		try (StandInReceiver receiver = StandInReceiver.answering(Behaviour.UNAVAILABLE, Behaviour.OK)) {
			// when
			CliResult run = runNight(NIGHT, configFor(receiver));

			// then
			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK.code());
			assertThat(receiver.requests()).hasSize(2);
			assertThat(receiver.taken()).hasSize(1);
			assertThat(run.out()).contains("(HTTP 200, 2 attempts)");
		}
	}

	@Test
	void nightShouldBeResentUnderTheSameKeyWhenTheAnswerIsSlowerThanTheReadTimeout() throws Exception {
		try (StandInReceiver receiver = StandInReceiver.answering(Behaviour.SLOW, Behaviour.OK)) {
			// when
			CliResult run = runNight(NIGHT, configFor(receiver));

			// then: the receiver took it twice, both times under one key, so it can drop the repeat
			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK.code());
			assertThat(receiver.taken()).hasSize(2);
			assertThat(receiver.taken()).extracting(StandInReceiver.Request::idempotencyKey)
				.containsOnly(receiver.taken().get(0).idempotencyKey());
		}
	}

	@Test
	void nightShouldStayQueuedWhenTheConnectionIsRefused() throws Exception {
		// given: a port nothing listens on
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}

		// when
		CliResult run = runNight(NIGHT, configFor("http://127.0.0.1:" + port, StandInReceiver.KEY));

		// then
		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.DELIVERY_PENDING.code());
		OutboxEntry entry = outbox().find(LocalDate.parse(NIGHT)).orElseThrow();
		assertThat(entry.status()).isEqualTo("PENDING");
		assertThat(entry.attempts()).isEqualTo(3);
		assertThat(entry.lastError()).startsWith("no connection");
		assertThat(entry.keyFixed()).as("nothing reached a receiver: the set may be regrouped").isFalse();
	}

	@Test
	void nightShouldBeResentUnderTheSameKeyWhenA200IsCutShort() throws Exception {
		try (StandInReceiver receiver = StandInReceiver.answering(Behaviour.CLOSE_EARLY, Behaviour.OK)) {
			// when
			CliResult run = runNight(NIGHT, configFor(receiver));

			// then: a 200 that does not arrive whole is not a confirmation
			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK.code());
			assertThat(receiver.taken()).hasSize(2);
			assertThat(receiver.taken().get(1).idempotencyKey()).isEqualTo(receiver.taken().get(0).idempotencyKey());
			assertThat(outbox().find(LocalDate.parse(NIGHT)).orElseThrow().attempts()).isEqualTo(2);
		}
	}

	@Test
	void nightShouldNotBeRetriedWhenTheKeyIsWrong() throws Exception {
		try (StandInReceiver receiver = StandInReceiver.answering(Behaviour.OK)) {
			// when
			CliResult run = runNight(NIGHT, configFor(receiver.baseUrl(), "not-the-key"));

			// then: a 401 will not change by itself; it is said once, with what to check
			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.DELIVERY_PENDING.code());
			assertThat(receiver.requests()).hasSize(1);
			OutboxEntry entry = outbox().find(LocalDate.parse(NIGHT)).orElseThrow();
			assertThat(entry.lastHttpStatus()).isEqualTo(401);
			assertThat(run.out()).contains("HTTP 401 (check universalSecrets.telemetry");
			assertThat(run.out() + run.err()).doesNotContain("not-the-key");
		}
	}

	@Test
	void nightShouldBeArchivedAndQueuedWhenNoUrlIsConfigured() throws Exception {
		// when
		CliResult run = runNight(NIGHT, configFor(null, StandInReceiver.KEY));

		// then
		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.DELIVERY_PENDING.code());
		assertThat(run.out()).contains("NOT_CONFIGURED").contains("apiServer.phoneHomeUrl is not set");
		assertThat(outbox().find(LocalDate.parse(NIGHT)).orElseThrow().status()).isEqualTo("PENDING");
	}

	@Test
	void plainHttpToAnotherHostShouldBeRefusedUnlessAllowed() throws Exception {
		// when
		CliResult run = runNight(NIGHT, configFor("http://phonehome.example.invalid", StandInReceiver.KEY));

		// then
		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.DELIVERY_PENDING.code());
		assertThat(run.out()).contains("NOT_CONFIGURED").contains("plain http").contains("--allow-insecure-http");
		assertThat(outbox().find(LocalDate.parse(NIGHT)).orElseThrow().attempts()).isZero();
	}

	@Test
	void plainHttpToAnotherHostShouldBeTriedWhenInsecureHttpIsAllowed() throws Exception {
		// when
		CliResult run = cli("run", "--date", NIGHT, "--allow-insecure-http", "--config",
				configFor("http://phonehome.example.invalid", StandInReceiver.KEY));

		// then: it was tried (the name does not resolve), not refused
		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.DELIVERY_PENDING.code());
		OutboxEntry entry = outbox().find(LocalDate.parse(NIGHT)).orElseThrow();
		assertThat(entry.attempts()).isEqualTo(3);
		assertThat(run.out()).doesNotContain("NOT_CONFIGURED");
	}

	@Test
	void queuedNightShouldBeSentFirstByTheNextNightsRun() throws Exception {
		try (StandInReceiver receiver = StandInReceiver.answering(Behaviour.SERVER_ERROR, Behaviour.SERVER_ERROR,
				Behaviour.SERVER_ERROR, Behaviour.OK)) {
			// given: the night before stayed queued
			String config = configFor(receiver);
			assertThat(runNight("2026-11-19", config).exitCode()).isEqualTo(ExitCode.DELIVERY_PENDING.code());

			// when
			CliResult run = runNight(NIGHT, config);

			// then: the earlier night first, as it was tried (a 500 may come from a proxy after the receiver took it,
			// so it goes out again alone, under the same key), then this night; their records and archive say so
			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK.code());
			assertThat(receiver.taken()).extracting(StandInReceiver.Request::nights)
				.containsExactly(java.util.List.of("2026-11-19"), java.util.List.of(NIGHT));
			assertThat(receiver.taken().get(0).idempotencyKey()).isEqualTo(receiver.requests().get(0).idempotencyKey());
			OutboxEntry earlier = outbox().find(LocalDate.parse("2026-11-19")).orElseThrow();
			assertThat(earlier.delivered()).isTrue();
			assertThat(earlier.attempts()).isEqualTo(4);
			var repository = context.getBean(org.springframework.batch.core.repository.JobRepository.class);
			assertThat(NightRecords.read(repository.getJobExecution(earlier.executionId())).delivery().status())
				.isEqualTo(DeliveryStatus.DELIVERED);
			assertThat(Files.readString(earlier.payloadPath().getParent().resolve(DeliveryRecorder.ADDENDUM)))
				.contains("\"status\" : \"DELIVERED\"", "\"deliveredByExecution\" : " + earlier.deliveredBy());
		}
	}

	@Test
	void setAnsweredWithAnythingButA200ShouldOnlyEverGoOutAsItWasUnderItsKey() throws Exception {
		// given: two nights queued while nothing listened, then a proxy that loses the receiver's 200s
		String closed = "http://127.0.0.1:" + freePort();
		runNight("2026-11-18", configFor(closed, StandInReceiver.KEY));
		runNight("2026-11-19", configFor(closed, StandInReceiver.KEY));
		try (StandInReceiver receiver = StandInReceiver.answering(Behaviour.TAKEN_THEN_BAD_GATEWAY)) {
			CliResult lost = runNight(NIGHT, configFor(receiver));
			assertThat(lost.exitCode()).as(lost.err()).isEqualTo(ExitCode.DELIVERY_PENDING.code());
			String key = receiver.taken().get(0).idempotencyKey();
			java.util.List<String> set = java.util.List.of("2026-11-18", "2026-11-19", NIGHT);

			// when: the next night, with the proxy mended
			try (StandInReceiver mended = StandInReceiver.answering(Behaviour.OK)) {
				CliResult next = runNight("2026-11-21", configFor(mended));

				// then: the set the receiver may hold goes out again exactly as it was, under the same key
				assertThat(next.exitCode()).as(next.err()).isEqualTo(ExitCode.OK.code());
				assertThat(receiver.taken()).extracting(StandInReceiver.Request::nights).containsOnly(set);
				assertThat(receiver.taken()).extracting(StandInReceiver.Request::idempotencyKey).containsOnly(key);
				assertThat(mended.taken()).extracting(StandInReceiver.Request::nights)
					.containsExactly(set, java.util.List.of("2026-11-21"));
				assertThat(mended.taken().get(0).idempotencyKey()).isEqualTo(key);
			}
		}
	}

	@Test
	void nightTheReceiverRefusesShouldBeSetAsideWithoutBlockingTheOthers() throws Exception {
		// given: three nights queued while nothing listened; the receiver refuses any request holding the 19th
		String closed = "http://127.0.0.1:" + freePort();
		runNight("2026-11-18", configFor(closed, StandInReceiver.KEY));
		runNight("2026-11-19", configFor(closed, StandInReceiver.KEY));
		try (StandInReceiver receiver = new StandInReceiver(
				nights -> nights.contains("2026-11-19") ? Behaviour.TOO_LARGE : Behaviour.OK, 6000)) {
			// when
			CliResult run = runNight(NIGHT, configFor(receiver));

			// then: the set is split, every other night delivered, the refused one set aside and said so
			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.DELIVERY_PENDING.code());
			assertThat(receiver.taken()).extracting(StandInReceiver.Request::nights)
				.containsExactly(java.util.List.of("2026-11-18"), java.util.List.of(NIGHT));
			OutboxEntry refused = outbox().find(LocalDate.parse("2026-11-19")).orElseThrow();
			assertThat(refused.status()).isEqualTo(OutboxEntry.REFUSED);
			var repository = context.getBean(org.springframework.batch.core.repository.JobRepository.class);
			assertThat(NightRecords.read(repository.getJobExecution(refused.executionId())).delivery().status())
				.isEqualTo(DeliveryStatus.REFUSED);
			assertThat(run.out()).contains("1 older night(s) still queued");

			// when: refused again by the next run, it does not come back; requeued, it does
			assertThat(runNight("2026-11-21", configFor(receiver)).exitCode()).isEqualTo(ExitCode.OK.code());
			assertThat(receiver.requests()).filteredOn(r -> r.nights().contains("2026-11-19")).hasSize(2);
			assertThat(cli("requeue", "--date", "2026-11-19").exitCode()).isZero();
			assertThat(cli("requeue", "--date", "2026-11-19").exitCode()).isEqualTo(ExitCode.USAGE.code());
			runNight("2026-11-22", configFor(receiver));
			assertThat(receiver.requests()).filteredOn(r -> r.nights().contains("2026-11-19")).hasSize(4);
		}
	}

	@Test
	void exportedNightShouldLaterBeDeliveredUnderTheKeyTheExportGave(@org.junit.jupiter.api.io.TempDir Path folder)
			throws Exception {
		// given: an air-gapped night (no URL), exported and uploaded by hand
		assertThat(runNight(NIGHT, configFor(null, StandInReceiver.KEY)).exitCode())
			.isEqualTo(ExitCode.DELIVERY_PENDING.code());
		CliResult export = cli("export", "--date", NIGHT, "--out", folder.resolve("body.json").toString());
		assertThat(export.exitCode()).as(export.err()).isZero();
		java.util.regex.Matcher key = java.util.regex.Pattern.compile("Idempotency-Key: ([0-9a-f]{64})")
			.matcher(export.out());
		assertThat(key.find()).as(export.out()).isTrue();
		assertThat(cli("export", "--date", NIGHT, "--out", folder.resolve("body.json").toString()).exitCode())
			.as("export never overwrites").isEqualTo(ExitCode.USAGE.code());

		// when: later, a URL is configured
		try (StandInReceiver receiver = StandInReceiver.answering(Behaviour.OK)) {
			CliResult next = runNight("2026-11-21", configFor(receiver));

			// then: the receiver can tell the night from the upload by hand
			assertThat(next.exitCode()).as(next.err()).isEqualTo(ExitCode.OK.code());
			assertThat(receiver.taken()).filteredOn(r -> r.nights().contains(NIGHT))
				.extracting(StandInReceiver.Request::idempotencyKey)
				.containsExactly(key.group(1));
		}
	}

	private static int freePort() throws java.io.IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	@Test
	void dryRunShouldNeverBeQueuedOrSent(@org.junit.jupiter.api.io.TempDir Path out) throws Exception {
		try (StandInReceiver receiver = StandInReceiver.answering(Behaviour.OK)) {
			// when
			CliResult run = cli("run", "--date", NIGHT, "--dry-run", "--out", out.toString(), "--config",
					configFor(receiver));

			// then
			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK.code());
			assertThat(receiver.requests()).isEmpty();
			assertThat(outbox().all()).isEmpty();
		}
	}

	private org.springframework.batch.infrastructure.item.ExecutionContext lastExecutionFacts() {
		return lastExecution().getExecutionContext();
	}

	private org.springframework.batch.core.job.JobExecution lastExecution() {
		var repository = context.getBean(org.springframework.batch.core.repository.JobRepository.class);
		var instance = repository.getLastJobInstance("phoneHomeJob");
		return repository.getLastJobExecution(instance);
	}

}
