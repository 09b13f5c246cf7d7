package dev.phonehome.console;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;

import dev.phonehome.payload.PayloadSection;
import dev.phonehome.record.NightApproval;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecords;
import dev.phonehome.record.RunMode;

/**
 * What the console shows of one execution of a night, made from its {@link NightRecord}. Everything here was
 * recorded without an address or a secret; URLs are shown without their user information all the same.
 *
 * @param mode the run mode's name ({@link RunMode}); {@code null} when the execution failed before recording it
 * @param counts items per payload section, in contract order
 * @param plans companies per plan, as the night's decision counted them
 * @param approval what the four-eyes scope gate made of the night (passed, held and why, approved or rejected by
 *        whom, when and why) in one line; empty when it never reached the gate (dry runs, reruns, older nights)
 */
public record NightView(LocalDate night, long executionId, String status, String exitCode, Instant started,
		Instant ended, RunMode mode, Instant windowStart, Instant windowEnd, String installationId,
		String installationVersion, String source, Decisions decisions, Map<String, Long> counts,
		Map<String, Long> plans, List<String> integrations, Long payloadSize, Delivery delivery,
		List<RecordedFile> files, ChainLink chain, Rerun rerun, String approval) {

	/** The file names the console serves for an execution, and nothing else. */
	public enum FileKind {

		PAYLOAD("payload.json", "application/json"), AUDIT_PDF("audit.pdf", "application/pdf"),
		AUDIT_CSV("audit.csv", "text/csv");

		private final String fileName;

		private final String mediaType;

		FileKind(String fileName, String mediaType) {
			this.fileName = fileName;
			this.mediaType = mediaType;
		}

		public String fileName() {
			return fileName;
		}

		public String mediaType() {
			return mediaType;
		}

		public static Optional<FileKind> named(String name) {
			return Arrays.stream(values()).filter(k -> k.fileName.equals(name)).findFirst();
		}

	}

	/** An archived file and the SHA-256 the execution recorded for it. */
	public record RecordedFile(FileKind kind, Path path, String sha256) {
	}

	/**
	 * The night's decisions and their reasons.
	 *
	 * @param emailsIncluded {@code null} when the night never got that far
	 */
	public record Decisions(Boolean paid, String planCounts, String decidingCompanies, String unknownPlans,
			Boolean emailsIncluded, String emailsReason, boolean disableSet, String disableDecision,
			String disableReason, boolean skipped, String skipReason, Boolean eventTelemetry, Boolean outboundEmail,
			Boolean slackInteractive, String deliveryUrl, String keySource) {
	}

	/** The delivery as the execution recorded it (a later run may have delivered it since: see the outbox). */
	public record Delivery(String status, String summary, Integer attempts, Integer httpStatus, String idempotencyKey,
			String deliveredAt, String problem) {
	}

	/** The execution's link in the hash chain of records ({@code verify} walks it). */
	public record ChainLink(String previousDigest, String digest) {
	}

	public record Rerun(Long number, String previousSha256) {
	}

	public static NightView of(JobExecution execution) {
		NightRecord record = NightRecords.read(execution);
		NightRecord.Decisions d = record.decisions();
		Decisions decisions = d == null
				? new Decisions(null, "", "", "", null, "", false, "", "", false, "", null, null, null, "", "")
				: new Decisions(d.plan().paid(), planCounts(d.plan().planCounts()),
						String.join(",", d.plan().decidingCompanies()), String.join(",", d.plan().unknownPlans()),
						d.emails().included(), d.emails().reason(), d.switchOff().set(),
						d.switchOff().decision().name(), d.switchOff().reason(), record.skipped(),
						record.skipped() ? d.switchOff().reason() : "", d.settings().eventTelemetry(),
						d.settings().outboundEmail(), d.settings().slackInteractiveComponents(),
						Redaction.url(d.target().url()), d.target().keySource());
		Map<String, Long> counts = new LinkedHashMap<>();
		NightRecord.Payload payload = record.payload();
		if (payload != null) {
			counts.put(PayloadSection.COMPANIES.key(), payload.counts().companies());
			counts.put(PayloadSection.TEAMS.key(), payload.counts().teams());
			counts.put(PayloadSection.USERS.key(), payload.counts().users());
			counts.put(PayloadSection.CODE_REVIEWS.key(), payload.counts().codeReviews());
		}
		NightRecord.Delivery recorded = record.delivery();
		Delivery delivery = recorded == null ? new Delivery("", Redaction.url(record.deliveryText()), null, null, "", "", "")
				: new Delivery(recorded.status().name(), Redaction.url(recorded.describe()), recorded.attempts(),
						recorded.httpStatus(), nullToEmpty(recorded.idempotencyKey()),
						nullToEmpty(recorded.deliveredAt()), Redaction.url(nullToEmpty(recorded.problem())));
		List<RecordedFile> files = new ArrayList<>();
		if (payload != null) {
			files.add(new RecordedFile(FileKind.PAYLOAD, payload.file().path(), payload.file().sha256()));
		}
		if (record.audit() != null) {
			files.add(new RecordedFile(FileKind.AUDIT_PDF, record.audit().pdf().path(), record.audit().pdf().sha256()));
			files.add(new RecordedFile(FileKind.AUDIT_CSV, record.audit().csv().path(), record.audit().csv().sha256()));
		}
		NightRecord.ChainLink chain = record.chain();
		NightApproval approval = NightRecords.readApproval(execution);
		return new NightView(record.date(), execution.getId(), execution.getStatus().name(),
				execution.getExitStatus().getExitCode(), instant(execution.getStartTime()),
				instant(execution.getEndTime()), record.mode(), record.night().start(), record.night().end(),
				d == null ? "" : d.installation().id(), d == null ? "" : d.installation().version(),
				d == null ? "" : Redaction.url(d.source().description()), decisions, counts,
				d == null ? Map.of() : plans(d.plan().planCounts()),
				payload == null ? List.of() : payload.integrations(), payload == null ? null : payload.file().size(),
				delivery, List.copyOf(files),
				new ChainLink(chain == null ? "" : chain.previousDigest(), chain == null ? "" : chain.digest()),
				new Rerun(record.rerun() == null ? null : record.rerun().number(),
						record.rerun() == null ? "" : nullToEmpty(record.rerun().previousSha256())),
				approval == null ? "" : approval.describe());
	}

	public Optional<RecordedFile> file(FileKind kind) {
		return files.stream().filter(f -> f.kind() == kind).findFirst();
	}

	/** A real run of the night (not a dry run) whose payload was archived. */
	public boolean archivedRealRun() {
		return "COMPLETED".equals(status) && mode != RunMode.DRY_RUN && file(FileKind.PAYLOAD).isPresent();
	}

	/** Companies per plan as the night's decision counted them; "no plan" for companies without one. */
	private static Map<String, Long> plans(Map<String, Integer> planCounts) {
		Map<String, Long> plans = new LinkedHashMap<>();
		planCounts.forEach((plan, count) -> plans.put(plan.equals("none") ? "no plan" : plan, count.longValue()));
		return plans;
	}

	private static String planCounts(Map<String, Integer> planCounts) {
		List<String> parts = new ArrayList<>();
		planCounts.forEach((plan, count) -> parts.add(plan + "=" + count));
		return String.join(", ", parts);
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}

	private static Instant instant(java.time.LocalDateTime time) {
		return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
	}

}
