package dev.phonehome.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import dev.phonehome.artefact.Artefact;

/** The night's record: how it names a run and its delivery, and how it survives the execution context. */
class NightRecordTests {

	private static final LocalDate NIGHT = LocalDate.parse("2026-11-20");

	@Test
	void deliveryShouldSayWhatBecameOfThePayload() {
		assertThat(record(RunMode.MANUAL, SwitchOffDecision.NOT_SET).deliveryText())
			.isEqualTo("not queued: the execution ended before its delivery step");
		assertThat(record(RunMode.NIGHTLY, SwitchOffDecision.HONOURED).deliveryText())
			.isEqualTo("nothing to send (skipped)");
		assertThat(NightRecord.Delivery.notSent(DeliveryStatus.NOT_SENT_DRY_RUN).describe()).isEqualTo("not sent (dry run)");
		assertThat(new NightRecord.Delivery(DeliveryStatus.DELIVERED, "2026-11-21T00:05:00Z", 200, 2, "k", null, 0)
			.describe()).isEqualTo("delivered 2026-11-21T00:05:00Z (HTTP 200, 2 attempts)");
		assertThat(new NightRecord.Delivery(DeliveryStatus.PENDING, null, 500, 3, "k", "HTTP 500", 3).describe())
			.isEqualTo("PENDING: not confirmed after 3 attempts (HTTP 500); queued, the next run sends it first; "
					+ "2 older night(s) still queued");
	}

	@Test
	void runShouldBeNamedTheSameWayEverywhere() {
		assertThat(record(RunMode.NIGHTLY, SwitchOffDecision.NOT_SET).runLabel()).isEqualTo("nightly");
		assertThat(record(RunMode.MANUAL, SwitchOffDecision.NOT_SET).withRestartOf(7L).runLabel())
			.isEqualTo("restart (manual)");
		assertThat(NightRecord.start(NIGHT, RunMode.RERUN, new NightRecord.Rerun(2, "abc")).runLabel())
			.isEqualTo("rerun 2 of 2026-11-20");
		assertThat(record(RunMode.NIGHTLY, SwitchOffDecision.HONOURED).runLabel()).isEqualTo("skipped (nightly)");
	}

	@Test
	void recordShouldReadBackAsItWasWrittenAndStayPlainJsonValues() {
		// given: a record with every part
		NightRecord written = NightRecord.start(NIGHT, RunMode.RERUN, new NightRecord.Rerun(1, "0f"))
			.withRestartOf(3L)
			.withDecisions(decisions(SwitchOffDecision.IGNORED))
			.withPayload(new NightRecord.Payload("/a", new Artefact(Path.of("/a/payload.json"), 10, "aa"),
					new NightRecord.SectionCounts(1, 2, 3, 4), List.of("github", "jira")))
			.withDelivery(new NightRecord.Delivery(DeliveryStatus.PENDING, null, 503, 4, "key", "HTTP 503", 2))
			.withAudit(new NightRecord.Audit(new Artefact(Path.of("/a/audit.pdf"), 5, "bb"),
					new Artefact(Path.of("/a/audit.csv"), 6, "cc")))
			.withChain(new NightRecord.ChainLink("00", "11"));
		JobExecution execution = execution(written);

		// when
		NightRecords.write(written, execution.getExecutionContext());
		NightRecord read = NightRecords.read(execution);

		// then
		assertThat(read).isEqualTo(written);
		assertThat(execution.getExecutionContext().entrySet()).allSatisfy(entry -> assertThat(entry.getValue())
			.isInstanceOfAny(String.class, Long.class, Integer.class, Boolean.class));
		assertThat(execution.getExecutionContext().getString("night.disable-phone-home.decision")).isEqualTo("IGNORED");
		assertThat(execution.getExecutionContext().getString("delivery.status")).isEqualTo("PENDING");
	}

	@Test
	void partsThatAreGoneShouldLeaveNoKeysBehind() {
		NightRecord full = record(RunMode.MANUAL, SwitchOffDecision.NOT_SET)
			.withDelivery(NightRecord.Delivery.notSent(DeliveryStatus.NOT_SENT_DRY_RUN))
			.withChain(new NightRecord.ChainLink("00", "11"));
		ExecutionContext context = new ExecutionContext();
		NightRecords.write(full, context);

		NightRecords.write(full.withDelivery(null).withChain(null), context);

		assertThat(context.containsKey("delivery.status")).isFalse();
		assertThat(context.containsKey("record.digest")).isFalse();
	}

	private static NightRecord record(RunMode mode, SwitchOffDecision switchOff) {
		return NightRecord.start(NIGHT, mode, null).withDecisions(decisions(switchOff));
	}

	private static NightRecord.Decisions decisions(SwitchOffDecision switchOff) {
		return new NightRecord.Decisions(
				new NightRecord.DataSource(SourceKind.MONGODB, SourceOrigin.CONFIG, "live MongoDB from storage.mongo.url"),
				new NightRecord.ConfigSource("mongodb://h:27017/codestream", "5f0c0ffee", 3L), new NightRecord.Installation("id", "8.2.26"),
				new NightRecord.PlanDecision(switchOff == SwitchOffDecision.HONOURED, Map.of("BUSINESS", 1, "none", 2),
						List.of("c1"), List.of()),
				new NightRecord.EmailDecision(false, "emails redacted"),
				new NightRecord.SwitchOff(switchOff != SwitchOffDecision.NOT_SET, switchOff),
				new NightRecord.InstanceSettings(true, false, true), new NightRecord.DeliveryTarget("https://x", "k"));
	}

	private static JobExecution execution(NightRecord record) {
		NightParameters parameters = new NightParameters(record.date(), record.mode(), "/c.json",
				Path.of("/v"), null, 0, record.rerun(), false);
		return new JobExecution(1L, new JobInstance(1L, "phoneHomeJob"), parameters.toJobParameters());
	}

}
