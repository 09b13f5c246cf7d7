package dev.phonehome.audit.pdf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.phonehome.audit.content.AuditInput;
import dev.phonehome.payload.EmailStatus;
import dev.phonehome.audit.content.PayloadTally;
import dev.phonehome.payload.Timestamps;
import dev.phonehome.artefact.Artefact;
import dev.phonehome.payload.EmailRule;
import dev.phonehome.record.NightRecord;
import dev.phonehome.payload.PayloadSection;

/**
 * The sentences of the audit: what the cover, the "Settings and decisions" page and the summary say, from the
 * recorded facts and the payload's tally. Rows are {@code label}, {@code value} and {@code mono} (ids and
 * digests are set in a monospaced font so they read, and break, as whole tokens).
 */
final class AuditNarrative {

	static final String TELEMETRY_NOTE = "Event telemetry is a separate feature of the installation; phonehome never "
			+ "sends it, but it is reported here because it includes users' email addresses.";

	private final AuditInput input;

	private final NightRecord.Decisions decisions;

	private final PayloadTally tally;

	private final boolean payloadAttached;

	AuditNarrative(AuditInput input, PayloadTally tally, boolean payloadAttached) {
		this.input = input;
		this.payloadAttached = payloadAttached;
		this.decisions = input.decisions();
		this.tally = tally;
	}

	/** One line a reader sees first: what was sent and whether addresses were among it. */
	String headline() {
		if (input.skipped()) {
			return "Nothing was sent for this night: " + decisions.switchOff().reason() + ".";
		}
		String emails = decisions.emails().included()
				? tally.users(EmailStatus.SENT) + " email addresses were included"
				: "no email address was included (paid installation: every address redacted)";
		return "The payload holds " + what() + "; " + emails + ".";
	}

	List<Map<String, ?>> cover() {
		List<Map<String, ?>> rows = new ArrayList<>();
		row(rows, "Installation", installationId(), true);
		row(rows, "Installation version", installationVersion(), false);
		row(rows, "Night (UTC day)", input.night().toString(), false);
		row(rows, "Window (UTC)", Timestamps.iso(input.windowStart()) + "  up to (excluding)  "
				+ Timestamps.iso(input.windowEnd()), true);
		row(rows, "Execution", String.valueOf(input.executionId()), false);
		row(rows, "Run mode", input.runLabel(), false);
		decisions.source().caveats().forEach(caveat -> row(rows, "Caution", caveat, false));
		row(rows, "Delivery status", input.deliveryText() + " (as known when this audit was written)", false);
		if (input.skipped()) {
			row(rows, "Why nothing was sent", decisions.switchOff().reason(), false);
			row(rows, "Payload", "none: nothing was collected beyond the companies' plans, nothing was sent", false);
			row(rows, "Attached to this PDF", "audit.csv", false);
		}
		else {
			row(rows, "What was sent", what(), false);
			Artefact payload = input.record().payload().file();
			row(rows, "Email addresses", decisions.emails().reason(), false);
			row(rows, "Payload SHA-256", payload.sha256(), true);
			row(rows, "Payload size", payload.size() + " bytes", false);
			row(rows, "Payload file", payload.path().toString(), true);
			row(rows, "Attached to this PDF", payloadAttached
					? "payload.json (the archived payload, byte for byte: its SHA-256 is the one above) and audit.csv"
					: "audit.csv only: the payload is larger than phonehome.audit.embed-payload-max; it is archived"
							+ " at the payload file above, SHA-256 " + payload.sha256(), false);
		}
		return rows;
	}

	List<Map<String, ?>> decisions() {
		List<Map<String, ?>> rows = new ArrayList<>();
		NightRecord.PlanDecision plan = decisions.plan();
		boolean paid = plan.paid();
		row(rows, "Installation plan", paid ? "paid (at least one company is on a paid or unknown plan)"
				: "free or trial (no company is on a paid plan: BUSINESS, ENTERPRISE)", false);
		row(rows, "Companies by plan", planCounts(plan), false);
		row(rows, "Companies that decided it", decidingCompanies(), true);
		row(rows, "Unknown plan values", plan.unknownPlans().isEmpty() ? "none"
				: String.join(",", plan.unknownPlans()) + " (treated as paid: when in doubt, no emails leave)", false);
		row(rows, "Email addresses", decisions.emails().reason(), false);
		row(rows, "Rule applied", "A paid installation's payload carries no email key at all; a free or trial "
				+ "installation's payload carries every user's email (null when the user has none).", false);
		row(rows, "disablePhoneHome", (decisions.switchOff().set() ? "set" : "not set") + " - "
				+ decisions.switchOff().decision().outcome(), false);
		row(rows, "Why", decisions.switchOff().reason(), false);
		row(rows, "Event telemetry", (decisions.settings().eventTelemetry() ? "on" : "off") + ". " + TELEMETRY_NOTE,
				false);
		row(rows, "Outbound email", onOff(decisions.settings().outboundEmail(), "outboundEmailEnabled"), false);
		row(rows, "Slack interactive components",
				onOff(decisions.settings().slackInteractiveComponents(), "slackInteractiveComponentsEnabled"), false);
		row(rows, "Integrations", integrations(), false);
		NightRecord.DeliveryTarget target = decisions.target();
		row(rows, "Delivery target", orNone(target.url()) + (target.keySource().isEmpty()
				? ", no phone-home key configured"
				: ", key read from " + target.keySource() + " (the key itself is never recorded)"), false);
		row(rows, "Data source", decisions.source().description(), false);
		if (decisions.source().store() != null) {
			row(rows, "Store data", decisions.source().store().describe(), false);
		}
		row(rows, "Services config", configSource(decisions.config()), false);
		return rows;
	}

	List<Map<String, ?>> summary() {
		List<Map<String, ?>> rows = new ArrayList<>();
		row(rows, "Companies", tally.count(PayloadSection.COMPANIES) + " (" + tally.deactivatedCompanies()
				+ " deactivated)", false);
		row(rows, "Teams", tally.count(PayloadSection.TEAMS) + " (" + tally.deactivatedTeams() + " deactivated)",
				false);
		row(rows, "Users", tally.count(PayloadSection.USERS) + " (" + tally.registeredUsers() + " registered, "
				+ tally.deactivatedUsers() + " deactivated, " + tally.adminUsers() + " admins, "
				+ tally.activeUsers() + " active in the night)", false);
		row(rows, "Email status of users", "SENT " + tally.users(EmailStatus.SENT) + ", REDACTED_PAID_PLAN "
				+ tally.users(EmailStatus.REDACTED_PAID_PLAN) + ", NO_EMAIL_ON_RECORD "
				+ tally.users(EmailStatus.NO_EMAIL_ON_RECORD), false);
		row(rows, "Posts counted in the night", tally.codemarks() + " codemarks, " + tally.codemarksInReviews()
				+ " codemarks in reviews, " + tally.reviews() + " reviews, " + tally.replies() + " replies", false);
		row(rows, "Code reviews", tally.count(PayloadSection.CODE_REVIEWS) + " (" + tally.reviewsCreatedInWindow()
				+ " created and " + tally.reviewsApprovedInWindow() + " approved in the window, "
				+ tally.reviewsOpen() + " not approved)", false);
		row(rows, "Integrations", integrations(), false);
		return rows;
	}

	List<Map<String, ?>> activityChart() {
		return List.of(bar("codemarks", tally.codemarks()), bar("codemarks in reviews", tally.codemarksInReviews()),
				bar("reviews", tally.reviews()), bar("replies", tally.replies()));
	}

	List<Map<String, ?>> usersChart() {
		return List.of(bar("in the payload", tally.count(PayloadSection.USERS)),
				bar("active in the night", tally.activeUsers()), bar("registered", tally.registeredUsers()),
				bar("deactivated", tally.deactivatedUsers()), bar("email sent", tally.users(EmailStatus.SENT)),
				bar("email redacted", tally.users(EmailStatus.REDACTED_PAID_PLAN)),
				bar("no email on record", tally.users(EmailStatus.NO_EMAIL_ON_RECORD)));
	}

	List<Map<String, ?>> reviewsChart() {
		return List.of(bar("created in the window", tally.reviewsCreatedInWindow()),
				bar("approved in the window", tally.reviewsApprovedInWindow()),
				bar("not approved", tally.reviewsOpen()));
	}

	List<Map<String, ?>> plansChart() {
		List<Map<String, ?>> bars = new ArrayList<>();
		tally.companiesByPlan().forEach((plan, count) -> bars.add(bar(plan, count)));
		return bars;
	}

	String installationId() {
		Object id = tally.header().get("installationId");
		return id != null ? id.toString() : decisions.installation().id();
	}

	String installationVersion() {
		Object version = tally.header().get("installationVersion");
		return version != null ? version.toString() : decisions.installation().version();
	}

	private String what() {
		return tally.count(PayloadSection.COMPANIES) + " companies, " + tally.count(PayloadSection.TEAMS)
				+ " teams, " + tally.count(PayloadSection.USERS) + " users, "
				+ tally.count(PayloadSection.CODE_REVIEWS) + " code reviews and " + tally.integrations().size()
				+ " integrations";
	}

	private String decidingCompanies() {
		List<String> ids = decisions.plan().decidingCompanies();
		if (ids.isEmpty()) {
			return "none";
		}
		List<String> named = new ArrayList<>();
		for (String id : ids) {
			String name = tally.decidingCompanyNames().get(id);
			named.add(name == null ? id : id + " (" + name + ")");
		}
		return String.join(", ", named);
	}

	private String integrations() {
		if (input.skipped()) {
			return "not collected (the night was skipped)";
		}
		return tally.integrations().isEmpty() ? "none" : String.join(", ", tally.integrations());
	}

	private String onOff(boolean enabled, String payloadField) {
		String state = enabled ? "enabled" : "disabled";
		return input.skipped() ? state + " (per the services config)"
				: state + " (sent as " + payloadField + ": " + tally.header().get(payloadField) + ")";
	}

	private static String configSource(NightRecord.ConfigSource config) {
		return config.serialNumber() == null ? "file " + config.where()
				: "MongoDB " + config.where() + ", structuredConfiguration " + config.serialNumber()
						+ (config.revision() == null ? "" : " revision " + config.revision());
	}

	/** "BUSINESS=1, FREEPLAN=3"; companies without a plan are counted as "no plan". */
	private static String planCounts(NightRecord.PlanDecision plan) {
		List<String> counts = new ArrayList<>();
		plan.planCounts().forEach((name, count) -> counts.add(
				(name.equals(EmailRule.NO_PLAN) ? "no plan" : name) + "=" + count));
		return counts.isEmpty() ? "none" : String.join(", ", counts);
	}

	private static String orNone(String value) {
		return value.isEmpty() ? "none" : value;
	}

	private static Map<String, ?> bar(String category, long value) {
		Map<String, Object> bar = new LinkedHashMap<>();
		bar.put("category", category);
		bar.put("value", value);
		return bar;
	}

	private static void row(List<Map<String, ?>> rows, String label, String value, boolean mono) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("label", label);
		row.put("value", value);
		row.put("mono", mono);
		rows.add(row);
	}

}
