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
import org.springframework.batch.infrastructure.item.ExecutionContext;

import dev.phonehome.delivery.DeliveryFacts;
import dev.phonehome.job.NightFacts;
import dev.phonehome.job.RunMode;
import dev.phonehome.payload.PayloadSection;
import dev.phonehome.source.NightContext;

/**
 * What the console shows of one execution of a night. This is the console's only reader of the execution's recorded
 * facts: when the facts become a typed record, this class is the one to re-point. Everything here was recorded
 * without an address or a secret; URLs are shown without their user information all the same.
 *
 * @param mode the run mode's name ({@link RunMode}); {@code null} when the execution failed before recording it
 * @param counts items per payload section, in contract order
 * @param plans companies per plan, as the night's decision counted them
 */
public record NightView(LocalDate night, long executionId, String status, String exitCode, Instant started,
		Instant ended, RunMode mode, Instant windowStart, Instant windowEnd, String installationId,
		String installationVersion, String source, Decisions decisions, Map<String, Long> counts,
		Map<String, Long> plans, List<String> integrations, Long payloadSize, Delivery delivery,
		List<RecordedFile> files, ChainLink chain, Rerun rerun) {

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
		ExecutionContext facts = execution.getExecutionContext();
		String mode = text(facts, NightFacts.MODE);
		Decisions decisions = new Decisions(bool(facts, NightFacts.PAID), text(facts, NightFacts.PLAN_COUNTS),
				text(facts, NightFacts.DECIDING_COMPANIES), text(facts, NightFacts.UNKNOWN_PLANS),
				bool(facts, NightFacts.EMAILS_INCLUDED), text(facts, NightFacts.EMAILS_REASON),
				NightFacts.flag(facts, NightFacts.DISABLE_SETTING), text(facts, NightFacts.DISABLE_DECISION),
				text(facts, NightFacts.DISABLE_REASON), NightFacts.flag(facts, NightFacts.SKIPPED),
				text(facts, NightFacts.SKIP_REASON), bool(facts, NightFacts.EVENT_TELEMETRY),
				bool(facts, NightFacts.OUTBOUND_EMAIL), bool(facts, NightFacts.SLACK_INTERACTIVE),
				Redaction.url(text(facts, NightFacts.DELIVERY_URL)), text(facts, NightFacts.DELIVERY_KEY_SOURCE));
		Map<String, Long> counts = new LinkedHashMap<>();
		for (PayloadSection section : PayloadSection.values()) {
			Long count = number(facts, NightFacts.PAYLOAD_COUNT + section.key());
			if (count != null) {
				counts.put(section.key(), count);
			}
		}
		Delivery delivery = new Delivery(text(facts, NightFacts.DELIVERY_STATUS),
				DeliveryFacts.describe(facts).map(Redaction::url).orElse(""),
				integer(facts, NightFacts.DELIVERY_ATTEMPTS), integer(facts, NightFacts.DELIVERY_HTTP_STATUS),
				text(facts, NightFacts.DELIVERY_IDEMPOTENCY_KEY), text(facts, NightFacts.DELIVERY_TIME),
				Redaction.url(text(facts, DeliveryFacts.DELIVERY_PROBLEM)));
		List<RecordedFile> files = new ArrayList<>();
		file(files, facts, FileKind.PAYLOAD, NightFacts.PAYLOAD_PATH, NightFacts.PAYLOAD_SHA256);
		file(files, facts, FileKind.AUDIT_PDF, NightFacts.AUDIT_PDF_PATH, NightFacts.AUDIT_PDF_SHA256);
		file(files, facts, FileKind.AUDIT_CSV, NightFacts.AUDIT_CSV_PATH, NightFacts.AUDIT_CSV_SHA256);
		String integrations = text(facts, NightFacts.INTEGRATIONS);
		return new NightView(execution.getJobParameters().getLocalDate(NightContext.RUN_DATE), execution.getId(),
				execution.getStatus().name(), execution.getExitStatus().getExitCode(), instant(execution.getStartTime()),
				instant(execution.getEndTime()), mode.isEmpty() ? null : RunMode.valueOf(mode),
				millis(facts, NightFacts.WINDOW_START), millis(facts, NightFacts.WINDOW_END),
				text(facts, NightFacts.INSTALLATION_ID), text(facts, NightFacts.INSTALLATION_VERSION),
				Redaction.url(text(facts, NightFacts.SOURCE)), decisions, counts, plans(text(facts, NightFacts.PLAN_COUNTS)),
				integrations.isEmpty() ? List.of() : List.of(integrations.split(",")), number(facts, NightFacts.PAYLOAD_SIZE),
				delivery, List.copyOf(files),
				new ChainLink(text(facts, NightFacts.RECORD_PREVIOUS_DIGEST), text(facts, NightFacts.RECORD_DIGEST)),
				new Rerun(number(facts, NightFacts.RERUN_NUMBER), text(facts, NightFacts.RERUN_PREVIOUS_SHA256)));
	}

	public Optional<RecordedFile> file(FileKind kind) {
		return files.stream().filter(f -> f.kind() == kind).findFirst();
	}

	/** A real run of the night (not a dry run) whose payload was archived. */
	public boolean archivedRealRun() {
		return "COMPLETED".equals(status) && mode != RunMode.DRY_RUN && file(FileKind.PAYLOAD).isPresent();
	}

	/** "BUSINESS=1, FREE=2, none=1" as the decision recorded it, as numbers per plan. */
	private static Map<String, Long> plans(String planCounts) {
		Map<String, Long> plans = new LinkedHashMap<>();
		for (String part : planCounts.split(",")) {
			String[] pair = part.strip().split("=", 2);
			if (pair.length == 2) {
				try {
					plans.put(pair[0].equals("none") ? "no plan" : pair[0], Long.parseLong(pair[1].strip()));
				}
				catch (NumberFormatException ignored) {
					// not a count: left out of the chart rather than guessed
				}
			}
		}
		return plans;
	}

	private static void file(List<RecordedFile> files, ExecutionContext facts, FileKind kind, String pathKey,
			String shaKey) {
		String path = text(facts, pathKey);
		String sha = text(facts, shaKey);
		if (!path.isEmpty() && !sha.isEmpty()) {
			files.add(new RecordedFile(kind, Path.of(path), sha));
		}
	}

	private static String text(ExecutionContext facts, String key) {
		Object value = facts.get(key);
		return value == null ? "" : value.toString();
	}

	private static Boolean bool(ExecutionContext facts, String key) {
		Object value = facts.get(key);
		return value instanceof Boolean b ? b : null;
	}

	private static Long number(ExecutionContext facts, String key) {
		Object value = facts.get(key);
		return value instanceof Number n ? n.longValue() : null;
	}

	private static Integer integer(ExecutionContext facts, String key) {
		Long value = number(facts, key);
		return value == null ? null : value.intValue();
	}

	private static Instant millis(ExecutionContext facts, String key) {
		Long value = number(facts, key);
		return value == null ? null : Instant.ofEpochMilli(value);
	}

	private static Instant instant(java.time.LocalDateTime time) {
		return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
	}

}
