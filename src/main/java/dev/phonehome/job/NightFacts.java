package dev.phonehome.job;

import dev.phonehome.source.NightContext;

/**
 * The keys under which each execution records its facts in the job execution context: the durable evidence of
 * what was decided and produced, read by the run summary, the history and the audit. Values are strings, numbers
 * and booleans only; never an email address or a secret.
 */
public final class NightFacts {

	public static final String NIGHT = "night.date";

	public static final String WINDOW_START = "night.window.start";

	public static final String WINDOW_END = "night.window.end";

	public static final String MODE = "night.mode";

	public static final String SOURCE = "night.source";

	public static final String INSTALLATION_ID = "night.installation.id";

	public static final String INSTALLATION_VERSION = "night.installation.version";

	public static final String PAID = "night.plan.paid";

	public static final String PLAN_COUNTS = "night.plan.counts";

	public static final String DECIDING_COMPANIES = "night.plan.deciding-companies";

	public static final String UNKNOWN_PLANS = "night.plan.unknown";

	public static final String EMAILS_INCLUDED = NightContext.EMAILS_INCLUDED;

	public static final String EMAILS_REASON = "night.emails.reason";

	public static final String DISABLE_SETTING = "night.disable-phone-home.set";

	public static final String DISABLE_DECISION = "night.disable-phone-home.decision";

	public static final String DISABLE_REASON = "night.disable-phone-home.reason";

	public static final String SKIPPED = "night.skipped";

	public static final String SKIP_REASON = "night.skip.reason";

	public static final String EVENT_TELEMETRY = "night.event-telemetry.enabled";

	public static final String OUTBOUND_EMAIL = "night.outbound-email.enabled";

	public static final String SLACK_INTERACTIVE = "night.slack-interactive-components.enabled";

	public static final String INTEGRATIONS = "night.integrations";

	public static final String DELIVERY_URL = "night.delivery.url";

	public static final String DELIVERY_KEY_SOURCE = "night.delivery.key-source";

	public static final String ARTEFACT_DIRECTORY = "artefacts.directory";

	public static final String PAYLOAD_PATH = "payload.path";

	public static final String PAYLOAD_SIZE = "payload.size";

	public static final String PAYLOAD_SHA256 = "payload.sha256";

	/** For a rerun: which rerun of the night it is, and the payload SHA-256 of the night's run before it. */
	public static final String RERUN_NUMBER = "night.rerun.number";

	public static final String RERUN_PREVIOUS_SHA256 = "night.rerun.previous-sha256";

	/** The hash chain over the executions' records (see verify/RecordChain). */
	public static final String RECORD_PREVIOUS_DIGEST = "record.previous-digest";

	public static final String RECORD_DIGEST = "record.digest";

	/** Prefix of the per-section item counts: {@code payload.count.users}, ... */
	public static final String PAYLOAD_COUNT = "payload.count.";

	// Delivery (transmission feature): the state of this night's payload as known at the time of writing.

	/** One of {@code PENDING}, {@code DELIVERED}, {@code NOT_CONFIGURED}, {@code NOT_SENT_DRY_RUN}, {@code SKIPPED}. */
	public static final String DELIVERY_STATUS = "delivery.status";

	/** ISO-8601 UTC instant of the confirming HTTP 200. */
	public static final String DELIVERY_TIME = "delivery.time";

	public static final String DELIVERY_HTTP_STATUS = "delivery.http-status";

	public static final String DELIVERY_ATTEMPTS = "delivery.attempts";

	public static final String DELIVERY_IDEMPOTENCY_KEY = "delivery.idempotency-key";

	// Audit: the documents of what was sent (audit feature).

	public static final String AUDIT_PDF_PATH = "audit.pdf.path";

	public static final String AUDIT_PDF_SHA256 = "audit.pdf.sha256";

	public static final String AUDIT_CSV_PATH = "audit.csv.path";

	public static final String AUDIT_CSV_SHA256 = "audit.csv.sha256";

	private NightFacts() {
	}

	/** A recorded yes/no fact; absent reads as {@code false}. */
	public static boolean flag(org.springframework.batch.infrastructure.item.ExecutionContext facts, String key) {
		return Boolean.TRUE.equals(facts.get(key));
	}

}
