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
			assertThat(entry.keyFixed()).isFalse();
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

			// then: one request, both nights, oldest first; the earlier night's record and archive say so
			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK.code());
			assertThat(receiver.taken()).hasSize(1);
			assertThat(receiver.taken().get(0).nights()).containsExactly("2026-11-19", NIGHT);
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
