package dev.phonehome.record;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import dev.phonehome.artefact.Artefact;
import dev.phonehome.record.NightRecord.Audit;
import dev.phonehome.record.NightRecord.ChainLink;
import dev.phonehome.record.NightRecord.ChangeCounts;
import dev.phonehome.record.NightRecord.Changes;
import dev.phonehome.record.NightRecord.Decisions;
import dev.phonehome.record.NightRecord.Delivery;
import dev.phonehome.record.NightRecord.DeliveryTarget;
import dev.phonehome.record.NightRecord.EmailDecision;
import dev.phonehome.record.NightRecord.InstanceSettings;
import dev.phonehome.record.NightRecord.Installation;
import dev.phonehome.record.NightRecord.Payload;
import dev.phonehome.record.NightRecord.PlanDecision;
import dev.phonehome.record.NightRecord.SectionCounts;
import dev.phonehome.record.NightRecord.SwitchOff;

/**
 * The one place that knows how a {@link NightRecord} (and an {@link ExportRecord}) is written in a job execution
 * context: flat keys with plain string, number and boolean values, so the context stays readable JSON an auditor
 * can query with SQL ({@code night.*}, {@code payload.*}, {@code delivery.*}, {@code audit.*}, {@code record.*}).
 * Lists are comma-separated, the plan counts {@code PLAN=n, ...}; enums are stored by name and read back as enums.
 */
public final class NightRecords {

	// identity (also in the job parameters; repeated here so the context reads on its own)
	private static final String NIGHT = "night.date";

	private static final String WINDOW_START = "night.window.start";

	private static final String WINDOW_END = "night.window.end";

	private static final String MODE = "night.mode";

	private static final String RERUN_NUMBER = "night.rerun.number";

	private static final String RERUN_PREVIOUS_SHA256 = "night.rerun.previous-sha256";

	private static final String RESTART_OF = "night.restart-of";

	// decisions
	private static final String SOURCE = "night.source";

	private static final String SOURCE_KIND = "night.source.kind";

	private static final String SOURCE_ORIGIN = "night.source.origin";

	private static final String STORE_IMPORTED_AT = "night.store.imported-at";

	private static final String STORE_DUMP = "night.store.dump";

	private static final String STORE_DUMP_FILES = "night.store.dump-files";

	private static final String STORE_NEWEST_CREATED_AT = "night.store.newest-created-at";

	private static final String STORE_STALE = "night.store.stale";

	private static final String DAY_INCOMPLETE = "night.day-incomplete";

	private static final String CONFIG = "night.config";

	private static final String CONFIG_SERIAL = "night.config.serial-number";

	private static final String CONFIG_REVISION = "night.config.revision";

	private static final String INSTALLATION_ID = "night.installation.id";

	private static final String INSTALLATION_VERSION = "night.installation.version";

	private static final String PAID = "night.plan.paid";

	private static final String PLAN_COUNTS = "night.plan.counts";

	private static final String DECIDING_COMPANIES = "night.plan.deciding-companies";

	private static final String UNKNOWN_PLANS = "night.plan.unknown";

	private static final String EMAILS_INCLUDED = "night.emails.included";

	private static final String EMAILS_REASON = "night.emails.reason";

	private static final String DISABLE_SETTING = "night.disable-phone-home.set";

	private static final String DISABLE_DECISION = "night.disable-phone-home.decision";

	private static final String DISABLE_REASON = "night.disable-phone-home.reason";

	private static final String SKIPPED = "night.skipped";

	private static final String SKIP_REASON = "night.skip.reason";

	private static final String EVENT_TELEMETRY = "night.event-telemetry.enabled";

	private static final String OUTBOUND_EMAIL = "night.outbound-email.enabled";

	private static final String SLACK_INTERACTIVE = "night.slack-interactive-components.enabled";

	private static final String DELIVERY_URL = "night.delivery.url";

	private static final String DELIVERY_KEY_SOURCE = "night.delivery.key-source";

	// payload
	private static final String INTEGRATIONS = "night.integrations";

	private static final String ARTEFACT_DIRECTORY = "artefacts.directory";

	private static final String PAYLOAD_PATH = "payload.path";

	private static final String PAYLOAD_SIZE = "payload.size";

	private static final String PAYLOAD_SHA256 = "payload.sha256";

	private static final String COUNT = "payload.count.";

	// changes since the night sent before (compareNightStep)
	private static final String CHANGES_SUMMARY = "changes.summary";

	private static final String CHANGES_NOTE = "changes.note";

	private static final String CHANGES_BASELINE_NIGHT = "changes.baseline.night";

	private static final String CHANGES_BASELINE_EXECUTION = "changes.baseline.execution";

	private static final String CHANGES_BASELINE_PATH = "changes.baseline.payload.path";

	private static final String CHANGES_BASELINE_SIZE = "changes.baseline.payload.size";

	private static final String CHANGES_BASELINE_SHA256 = "changes.baseline.payload.sha256";

	private static final String CHANGES_COUNT = "changes.count.";

	private static final String CHANGES_SECTIONS = "changes.sections";

	private static final String CHANGES_ACTIVITY = "changes.users.activity-changed";

	private static final String CHANGES_FIRST_TIME_EMAILS = "changes.emails.first-time";

	private static final String CHANGES_EMAILS_BEFORE = "changes.emails.included-before";

	private static final String CHANGES_INTEGRATIONS_ADDED = "changes.integrations.added";

	private static final String CHANGES_INTEGRATIONS_REMOVED = "changes.integrations.removed";

	private static final String CHANGES_SHA256 = "changes.sha256";

	// delivery
	private static final String DELIVERY_STATUS = "delivery.status";

	private static final String DELIVERY_TIME = "delivery.time";

	private static final String DELIVERY_HTTP_STATUS = "delivery.http-status";

	private static final String DELIVERY_ATTEMPTS = "delivery.attempts";

	private static final String DELIVERY_IDEMPOTENCY_KEY = "delivery.idempotency-key";

	private static final String DELIVERY_PROBLEM = "delivery.problem";

	private static final String BACKLOG_PENDING = "delivery.backlog.pending";

	// audit
	private static final String AUDIT_PDF_PATH = "audit.pdf.path";

	private static final String AUDIT_PDF_SIZE = "audit.pdf.size";

	private static final String AUDIT_PDF_SHA256 = "audit.pdf.sha256";

	private static final String AUDIT_CSV_PATH = "audit.csv.path";

	private static final String AUDIT_CSV_SIZE = "audit.csv.size";

	private static final String AUDIT_CSV_SHA256 = "audit.csv.sha256";

	// chain
	private static final String CHAIN_PREVIOUS_DIGEST = "record.previous-digest";

	private static final String CHAIN_DIGEST = "record.digest";

	// the scope gate (approval feature)
	private static final String APPROVAL_STATE = "approval.state";

	private static final String APPROVAL_HELD_BECAUSE = "approval.held-because";

	private static final String APPROVAL_BY = "approval.by";

	private static final String APPROVAL_OS_USER = "approval.os-user";

	private static final String APPROVAL_SAME_PERSON = "approval.same-person";

	private static final String APPROVAL_AT = "approval.at";

	private static final String APPROVAL_REASON = "approval.reason";

	private static final String APPROVAL_PAYLOAD_SHA256 = "approval.payload-sha256";

	// an export's record
	private static final String EXPORT_SOURCE_EXECUTION = "export.source-execution";

	private static final String EXPORT_PATH = "export.path";

	private static final String EXPORT_SIZE = "export.size";

	private static final String EXPORT_SHA256 = "export.sha256";

	private static final String EXPORT_IDEMPOTENCY_KEY = "export.idempotency-key";

	private static final String EXPORT_NIGHTS = "export.nights";

	/**
	 * For step-scoped beans: {@code @Value(NightRecords.EMAILS_INCLUDED_VALUE)} injects whether the night's email
	 * rule lets addresses be sent ({@code Boolean}, {@code null} before decideNightStep).
	 */
	public static final String EMAILS_INCLUDED_VALUE = "#{jobExecutionContext['" + EMAILS_INCLUDED + "']}";

	private NightRecords() {
	}

	/** The record of an execution of {@code phoneHomeJob}: its identity from its parameters, the rest from its context. */
	public static NightRecord read(JobExecution execution) {
		NightParameters parameters = NightParameters.of(execution.getJobParameters());
		ExecutionContext context = execution.getExecutionContext();
		return new NightRecord(NightWindow.of(parameters.night()), parameters.mode(), parameters.rerun(),
				context.containsKey(RESTART_OF) ? context.getLong(RESTART_OF) : null, decisions(context),
				payload(context), changes(context), delivery(context), audit(context), chain(context));
	}

	/** Writes the whole record into {@code context}: every part it has, and no key of a part it lacks. */
	public static void write(NightRecord record, ExecutionContext context) {
		context.putString(NIGHT, record.date().toString());
		context.putLong(WINDOW_START, record.night().startMillis());
		context.putLong(WINDOW_END, record.night().endMillis());
		context.putString(MODE, record.mode().name());
		if (record.rerun() != null) {
			context.putLong(RERUN_NUMBER, record.rerun().number());
			context.putString(RERUN_PREVIOUS_SHA256, nullToEmpty(record.rerun().previousSha256()));
		}
		put(context, RESTART_OF, record.restartOf());
		writeDecisions(record.decisions(), context);
		writePayload(record.payload(), context);
		writeChanges(record.changes(), context);
		writeDelivery(record.delivery(), context);
		writeAudit(record.audit(), context);
		ChainLink chain = record.chain();
		put(context, CHAIN_PREVIOUS_DIGEST, chain == null ? null : chain.previousDigest());
		put(context, CHAIN_DIGEST, chain == null ? null : chain.digest());
	}

	/**
	 * The facts the record chain digests, in this order, under their keys: what an execution proved (night, mode,
	 * installation, email decision, skip, and the digests of what it archived). Facts that change later by design,
	 * such as a backlog night's delivery, are not among them. Absent facts are empty.
	 */
	public static List<Map.Entry<String, String>> chainedFacts(NightRecord record) {
		Decisions d = record.decisions();
		Payload p = record.payload();
		Audit a = record.audit();
		return List.of(Map.entry(NIGHT, record.date().toString()), Map.entry(MODE, record.mode().name()),
				Map.entry(INSTALLATION_ID, d == null ? "" : d.installation().id()),
				Map.entry(EMAILS_INCLUDED, d == null ? "" : String.valueOf(d.emails().included())),
				Map.entry(SKIPPED, d == null ? "" : String.valueOf(record.skipped())),
				Map.entry(PAYLOAD_PATH, p == null ? "" : p.file().path().toString()),
				Map.entry(PAYLOAD_SIZE, p == null ? "" : String.valueOf(p.file().size())),
				Map.entry(PAYLOAD_SHA256, p == null ? "" : p.file().sha256()),
				Map.entry(AUDIT_PDF_SHA256, a == null ? "" : a.pdf().sha256()),
				Map.entry(AUDIT_CSV_SHA256, a == null ? "" : a.csv().sha256()));
	}

	private static Decisions decisions(ExecutionContext c) {
		if (!c.containsKey(EMAILS_INCLUDED)) {
			return null;
		}
		return new Decisions(
				new NightRecord.DataSource(enumOf(SourceKind.class, c.getString(SOURCE_KIND, null)),
						enumOf(SourceOrigin.class, c.getString(SOURCE_ORIGIN, null)), c.getString(SOURCE, ""),
						c.containsKey(STORE_IMPORTED_AT) ? new NightRecord.StoreData(c.getString(STORE_IMPORTED_AT),
								c.getString(STORE_DUMP, ""), c.getString(STORE_DUMP_FILES, ""),
								c.getString(STORE_NEWEST_CREATED_AT, null), c.getString(STORE_STALE, null)) : null,
						flag(c, DAY_INCOMPLETE)),
				new NightRecord.ConfigSource(c.getString(CONFIG, ""), c.getString(CONFIG_SERIAL, null),
						c.containsKey(CONFIG_REVISION) ? c.getLong(CONFIG_REVISION) : null),
				new Installation(c.getString(INSTALLATION_ID, ""), c.getString(INSTALLATION_VERSION, "")),
				new PlanDecision(flag(c, PAID), planCounts(c.getString(PLAN_COUNTS, "")),
						list(c.getString(DECIDING_COMPANIES, "")), list(c.getString(UNKNOWN_PLANS, ""))),
				new EmailDecision(flag(c, EMAILS_INCLUDED), c.getString(EMAILS_REASON, "")),
				new SwitchOff(flag(c, DISABLE_SETTING), SwitchOffDecision.valueOf(c.getString(DISABLE_DECISION))),
				new InstanceSettings(flag(c, EVENT_TELEMETRY), flag(c, OUTBOUND_EMAIL), flag(c, SLACK_INTERACTIVE)),
				new DeliveryTarget(c.getString(DELIVERY_URL, ""), c.getString(DELIVERY_KEY_SOURCE, "")));
	}

	private static void writeDecisions(Decisions d, ExecutionContext c) {
		if (d == null) {
			return;
		}
		c.putString(SOURCE, d.source().description());
		put(c, SOURCE_KIND, d.source().kind() == null ? null : d.source().kind().name());
		put(c, SOURCE_ORIGIN, d.source().origin() == null ? null : d.source().origin().name());
		NightRecord.StoreData store = d.source().store();
		put(c, STORE_IMPORTED_AT, store == null ? null : store.importedAt());
		put(c, STORE_DUMP, store == null ? null : store.dumpFolder());
		put(c, STORE_DUMP_FILES, store == null ? null : store.fileDigests());
		put(c, STORE_NEWEST_CREATED_AT, store == null ? null : store.newestCreatedAt());
		put(c, STORE_STALE, store == null ? null : store.staleness());
		put(c, DAY_INCOMPLETE, d.source().dayIncomplete() ? Boolean.TRUE : null);
		c.putString(CONFIG, d.config().where());
		put(c, CONFIG_SERIAL, d.config().serialNumber());
		put(c, CONFIG_REVISION, d.config().revision());
		c.putString(INSTALLATION_ID, d.installation().id());
		c.putString(INSTALLATION_VERSION, d.installation().version());
		c.put(PAID, d.plan().paid());
		c.putString(PLAN_COUNTS, d.plan()
			.planCounts()
			.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining(", ")));
		c.putString(DECIDING_COMPANIES, String.join(",", d.plan().decidingCompanies()));
		c.putString(UNKNOWN_PLANS, String.join(",", d.plan().unknownPlans()));
		c.put(EMAILS_INCLUDED, d.emails().included());
		c.putString(EMAILS_REASON, d.emails().reason());
		c.put(DISABLE_SETTING, d.switchOff().set());
		c.putString(DISABLE_DECISION, d.switchOff().decision().name());
		c.putString(DISABLE_REASON, d.switchOff().reason());
		boolean skipped = d.switchOff().decision().skipsTheNight();
		c.put(SKIPPED, skipped);
		put(c, SKIP_REASON, skipped ? d.switchOff().reason() : null);
		c.put(EVENT_TELEMETRY, d.settings().eventTelemetry());
		c.put(OUTBOUND_EMAIL, d.settings().outboundEmail());
		c.put(SLACK_INTERACTIVE, d.settings().slackInteractiveComponents());
		c.putString(DELIVERY_URL, d.target().url());
		c.putString(DELIVERY_KEY_SOURCE, d.target().keySource());
	}

	private static Payload payload(ExecutionContext c) {
		if (!c.containsKey(PAYLOAD_PATH)) {
			return null;
		}
		return new Payload(c.getString(ARTEFACT_DIRECTORY, ""), artefact(c, PAYLOAD_PATH, PAYLOAD_SIZE, PAYLOAD_SHA256),
				new SectionCounts(count(c, "companies"), count(c, "teams"), count(c, "users"),
						count(c, "codeReviews")),
				list(c.getString(INTEGRATIONS, "")));
	}

	private static void writePayload(Payload p, ExecutionContext c) {
		if (p == null) {
			for (String key : List.of(INTEGRATIONS, ARTEFACT_DIRECTORY, PAYLOAD_PATH, PAYLOAD_SIZE, PAYLOAD_SHA256,
					COUNT + "companies", COUNT + "teams", COUNT + "users", COUNT + "codeReviews")) {
				c.remove(key);
			}
			return;
		}
		c.putString(INTEGRATIONS, String.join(",", p.integrations()));
		c.putString(ARTEFACT_DIRECTORY, p.directory());
		putArtefact(c, p.file(), PAYLOAD_PATH, PAYLOAD_SIZE, PAYLOAD_SHA256);
		c.putLong(COUNT + "companies", p.counts().companies());
		c.putLong(COUNT + "teams", p.counts().teams());
		c.putLong(COUNT + "users", p.counts().users());
		c.putLong(COUNT + "codeReviews", p.counts().codeReviews());
	}

	private static Changes changes(ExecutionContext c) {
		if (!c.containsKey(CHANGES_SUMMARY)) {
			return null;
		}
		Map<String, ChangeCounts> sections = new LinkedHashMap<>();
		for (String section : list(c.getString(CHANGES_SECTIONS, ""))) {
			String key = CHANGES_COUNT + section + ".";
			sections.put(section, new ChangeCounts(c.getLong(key + "added", 0), c.getLong(key + "removed", 0),
					c.getLong(key + "changed", 0), c.getLong(key + "unchanged", 0)));
		}
		return new Changes(
				c.containsKey(CHANGES_BASELINE_NIGHT) ? LocalDate.parse(c.getString(CHANGES_BASELINE_NIGHT)) : null,
				c.containsKey(CHANGES_BASELINE_EXECUTION) ? c.getLong(CHANGES_BASELINE_EXECUTION) : null,
				c.containsKey(CHANGES_BASELINE_PATH)
						? artefact(c, CHANGES_BASELINE_PATH, CHANGES_BASELINE_SIZE, CHANGES_BASELINE_SHA256) : null,
				c.getString(CHANGES_SUMMARY), c.getString(CHANGES_NOTE, null), sections,
				c.getLong(CHANGES_ACTIVITY, 0), c.getLong(CHANGES_FIRST_TIME_EMAILS, 0),
				c.containsKey(CHANGES_EMAILS_BEFORE) ? flag(c, CHANGES_EMAILS_BEFORE) : null,
				list(c.getString(CHANGES_INTEGRATIONS_ADDED, "")), list(c.getString(CHANGES_INTEGRATIONS_REMOVED, "")),
				c.getString(CHANGES_SHA256, null));
	}

	private static void writeChanges(Changes changes, ExecutionContext c) {
		List<String> keys = new ArrayList<>(List.of(CHANGES_SUMMARY, CHANGES_NOTE, CHANGES_BASELINE_NIGHT,
				CHANGES_BASELINE_EXECUTION, CHANGES_BASELINE_PATH, CHANGES_BASELINE_SIZE, CHANGES_BASELINE_SHA256,
				CHANGES_SECTIONS, CHANGES_ACTIVITY, CHANGES_FIRST_TIME_EMAILS, CHANGES_EMAILS_BEFORE,
				CHANGES_INTEGRATIONS_ADDED, CHANGES_INTEGRATIONS_REMOVED, CHANGES_SHA256));
		for (String section : list(c.getString(CHANGES_SECTIONS, ""))) {
			for (String count : List.of("added", "removed", "changed", "unchanged")) {
				keys.add(CHANGES_COUNT + section + "." + count);
			}
		}
		keys.forEach(c::remove);
		if (changes == null) {
			return;
		}
		c.putString(CHANGES_SUMMARY, changes.summary());
		put(c, CHANGES_NOTE, changes.note());
		put(c, CHANGES_BASELINE_NIGHT, changes.baselineNight() == null ? null : changes.baselineNight().toString());
		put(c, CHANGES_BASELINE_EXECUTION, changes.baselineExecution());
		if (changes.baselinePayload() != null) {
			putArtefact(c, changes.baselinePayload(), CHANGES_BASELINE_PATH, CHANGES_BASELINE_SIZE,
					CHANGES_BASELINE_SHA256);
		}
		c.putString(CHANGES_SECTIONS, String.join(",", changes.sections().keySet()));
		changes.sections().forEach((section, counts) -> {
			String key = CHANGES_COUNT + section + ".";
			c.putLong(key + "added", counts.added());
			c.putLong(key + "removed", counts.removed());
			c.putLong(key + "changed", counts.changed());
			c.putLong(key + "unchanged", counts.unchanged());
		});
		c.putLong(CHANGES_ACTIVITY, changes.activityChanged());
		c.putLong(CHANGES_FIRST_TIME_EMAILS, changes.firstTimeEmails());
		put(c, CHANGES_EMAILS_BEFORE, changes.emailsIncludedBefore());
		c.putString(CHANGES_INTEGRATIONS_ADDED, String.join(",", changes.integrationsAdded()));
		c.putString(CHANGES_INTEGRATIONS_REMOVED, String.join(",", changes.integrationsRemoved()));
		put(c, CHANGES_SHA256, changes.sha256());
	}

	private static Delivery delivery(ExecutionContext c) {
		if (!c.containsKey(DELIVERY_STATUS)) {
			return null;
		}
		return new Delivery(DeliveryStatus.valueOf(c.getString(DELIVERY_STATUS)), c.getString(DELIVERY_TIME, null),
				c.containsKey(DELIVERY_HTTP_STATUS) ? c.getInt(DELIVERY_HTTP_STATUS) : null,
				c.containsKey(DELIVERY_ATTEMPTS) ? c.getInt(DELIVERY_ATTEMPTS) : 0,
				c.getString(DELIVERY_IDEMPOTENCY_KEY, null), c.getString(DELIVERY_PROBLEM, null),
				c.containsKey(BACKLOG_PENDING) ? c.getInt(BACKLOG_PENDING) : 0);
	}

	private static void writeDelivery(Delivery d, ExecutionContext c) {
		put(c, DELIVERY_STATUS, d == null ? null : d.status().name());
		put(c, DELIVERY_TIME, d == null ? null : d.deliveredAt());
		put(c, DELIVERY_HTTP_STATUS, d == null ? null : d.httpStatus());
		put(c, DELIVERY_ATTEMPTS, d == null ? null : d.attempts());
		put(c, DELIVERY_IDEMPOTENCY_KEY, d == null ? null : d.idempotencyKey());
		put(c, DELIVERY_PROBLEM, d == null ? null : d.problem());
		put(c, BACKLOG_PENDING, d == null ? null : d.backlogPending());
	}

	private static Audit audit(ExecutionContext c) {
		if (!c.containsKey(AUDIT_PDF_PATH)) {
			return null;
		}
		return new Audit(artefact(c, AUDIT_PDF_PATH, AUDIT_PDF_SIZE, AUDIT_PDF_SHA256),
				artefact(c, AUDIT_CSV_PATH, AUDIT_CSV_SIZE, AUDIT_CSV_SHA256));
	}

	private static void writeAudit(Audit a, ExecutionContext c) {
		if (a == null) {
			List.of(AUDIT_PDF_PATH, AUDIT_PDF_SIZE, AUDIT_PDF_SHA256, AUDIT_CSV_PATH, AUDIT_CSV_SIZE, AUDIT_CSV_SHA256)
				.forEach(c::remove);
			return;
		}
		putArtefact(c, a.pdf(), AUDIT_PDF_PATH, AUDIT_PDF_SIZE, AUDIT_PDF_SHA256);
		putArtefact(c, a.csv(), AUDIT_CSV_PATH, AUDIT_CSV_SIZE, AUDIT_CSV_SHA256);
	}

	private static ChainLink chain(ExecutionContext c) {
		return c.containsKey(CHAIN_DIGEST)
				? new ChainLink(c.getString(CHAIN_PREVIOUS_DIGEST, ""), c.getString(CHAIN_DIGEST)) : null;
	}

	/** What the scope gate made of the execution's night; {@code null} when it never reached the gate. */
	public static NightApproval readApproval(JobExecution execution) {
		ExecutionContext c = execution.getExecutionContext();
		if (!c.containsKey(APPROVAL_STATE)) {
			return null;
		}
		return new NightApproval(c.getString(APPROVAL_STATE), c.getString(APPROVAL_HELD_BECAUSE, ""),
				c.getString(APPROVAL_BY, null), c.getString(APPROVAL_OS_USER, null), flag(c, APPROVAL_SAME_PERSON),
				c.getString(APPROVAL_AT, null), c.getString(APPROVAL_REASON, null),
				c.getString(APPROVAL_PAYLOAD_SHA256, null));
	}

	/** Writes the gate's facts into {@code context} (the caller saves it with the record). */
	public static void writeApproval(NightApproval approval, ExecutionContext c) {
		c.putString(APPROVAL_STATE, approval.state());
		c.putString(APPROVAL_HELD_BECAUSE, nullToEmpty(approval.heldBecause()));
		put(c, APPROVAL_BY, approval.by());
		put(c, APPROVAL_OS_USER, approval.osUser());
		put(c, APPROVAL_SAME_PERSON, approval.decided() ? approval.samePerson() : null);
		put(c, APPROVAL_AT, approval.at());
		put(c, APPROVAL_REASON, approval.reason());
		put(c, APPROVAL_PAYLOAD_SHA256, approval.payloadSha256());
	}

	/** The record of an execution of {@code exportJob}, or {@code null} before its step wrote it. */
	public static ExportRecord readExport(JobExecution execution) {
		ExecutionContext c = execution.getExecutionContext();
		if (!c.containsKey(EXPORT_PATH)) {
			return null;
		}
		return new ExportRecord(java.time.LocalDate.parse(c.getString(NIGHT)), c.getLong(EXPORT_SOURCE_EXECUTION),
				c.getString(PAYLOAD_SHA256), artefact(c, EXPORT_PATH, EXPORT_SIZE, EXPORT_SHA256),
				c.getString(EXPORT_IDEMPOTENCY_KEY, null),
				list(c.getString(EXPORT_NIGHTS, c.getString(NIGHT))).stream().map(java.time.LocalDate::parse).toList());
	}

	public static void writeExport(ExportRecord record, ExecutionContext c) {
		c.putString(NIGHT, record.night().toString());
		c.putLong(EXPORT_SOURCE_EXECUTION, record.sourceExecution());
		c.putString(PAYLOAD_SHA256, record.payloadSha256());
		putArtefact(c, record.body(), EXPORT_PATH, EXPORT_SIZE, EXPORT_SHA256);
		put(c, EXPORT_IDEMPOTENCY_KEY, record.idempotencyKey());
		c.putString(EXPORT_NIGHTS, String.join(",", record.bodyNights().stream().map(Object::toString).toList()));
	}

	private static Artefact artefact(ExecutionContext c, String pathKey, String sizeKey, String shaKey) {
		return new Artefact(Path.of(c.getString(pathKey)), c.containsKey(sizeKey) ? c.getLong(sizeKey) : -1,
				c.getString(shaKey, ""));
	}

	private static void putArtefact(ExecutionContext c, Artefact artefact, String pathKey, String sizeKey,
			String shaKey) {
		c.putString(pathKey, artefact.path().toString());
		c.putLong(sizeKey, artefact.size());
		c.putString(shaKey, artefact.sha256());
	}

	private static long count(ExecutionContext c, String section) {
		return c.containsKey(COUNT + section) ? c.getLong(COUNT + section) : 0;
	}

	private static boolean flag(ExecutionContext c, String key) {
		return Boolean.TRUE.equals(c.get(key));
	}

	private static void put(ExecutionContext c, String key, Object value) {
		if (value == null) {
			c.remove(key);
		}
		else {
			c.put(key, value);
		}
	}

	/** An enum stored by name; {@code null} for a record written before the key existed. */
	private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}

	private static List<String> list(String joined) {
		return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
	}

	private static Map<String, Integer> planCounts(String joined) {
		Map<String, Integer> counts = new TreeMap<>();
		for (String entry : list(joined)) {
			String[] planAndCount = entry.strip().split("=", 2);
			counts.put(planAndCount[0], Integer.valueOf(planAndCount[1]));
		}
		return counts;
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

}
