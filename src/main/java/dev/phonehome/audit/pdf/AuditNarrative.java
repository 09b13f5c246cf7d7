package dev.phonehome.audit.pdf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.phonehome.audit.AuditInput;
import dev.phonehome.audit.DeliveryStatus;
import dev.phonehome.audit.PayloadTally;
import dev.phonehome.audit.Timestamps;
import dev.phonehome.job.NightFacts;
import dev.phonehome.payload.EmailStatus;
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

	private final PayloadTally tally;

	AuditNarrative(AuditInput input, PayloadTally tally) {
		this.input = input;
		this.tally = tally;
	}

	/** One line a reader sees first: what was sent and whether addresses were among it. */
	String headline() {
		if (input.skipped()) {
			return "Nothing was sent for this night: " + input.fact(NightFacts.SKIP_REASON) + ".";
		}
		String emails = input.flag(NightFacts.EMAILS_INCLUDED)
				? tally.users(EmailStatus.SENT) + " email addresses were included"
				: "no email address was included (paid installation: every address redacted)";
		return "The payload holds " + what() + "; " + emails + ".";
	}

	List<Map<String, ?>> cover() {
		List<Map<String, ?>> rows = new ArrayList<>();
		row(rows, "Installation", installationId(), true);
		row(rows, "Installation version", installationVersion(), false);
		row(rows, "Night (UTC day)", input.fact(NightFacts.NIGHT), false);
		row(rows, "Window (UTC)", Timestamps.iso(input.windowStart()) + "  up to (excluding)  "
				+ Timestamps.iso(input.windowEnd()), true);
		row(rows, "Execution", String.valueOf(input.executionId()), false);
		row(rows, "Run mode", input.modeLabel(), false);
		row(rows, "Delivery status", DeliveryStatus.describe(input) + " (as known when this audit was written)",
				false);
		if (input.skipped()) {
			row(rows, "Why nothing was sent", input.fact(NightFacts.SKIP_REASON), false);
			row(rows, "Payload", "none: nothing was collected beyond the companies' plans, nothing was sent", false);
		}
		else {
			row(rows, "What was sent", what(), false);
			row(rows, "Email addresses", input.fact(NightFacts.EMAILS_REASON), false);
			row(rows, "Payload SHA-256", input.fact(NightFacts.PAYLOAD_SHA256), true);
			row(rows, "Payload size", input.fact(NightFacts.PAYLOAD_SIZE) + " bytes", false);
			row(rows, "Payload file", input.fact(NightFacts.PAYLOAD_PATH), true);
		}
		return rows;
	}

	List<Map<String, ?>> decisions() {
		List<Map<String, ?>> rows = new ArrayList<>();
		boolean paid = input.flag(NightFacts.PAID);
		row(rows, "Installation plan", paid ? "paid (at least one company is on a paid or unknown plan)"
				: "free or trial (no company is on a paid plan: BUSINESS, ENTERPRISE)", false);
		row(rows, "Companies by plan", orNone(input.fact(NightFacts.PLAN_COUNTS).replace("none=", "no plan=")),
				false);
		row(rows, "Companies that decided it", decidingCompanies(), true);
		row(rows, "Unknown plan values", input.fact(NightFacts.UNKNOWN_PLANS).isEmpty() ? "none"
				: input.fact(NightFacts.UNKNOWN_PLANS) + " (treated as paid: when in doubt, no emails leave)", false);
		row(rows, "Email addresses", input.fact(NightFacts.EMAILS_REASON), false);
		row(rows, "Rule applied", "A paid installation's payload carries no email key at all; a free or trial "
				+ "installation's payload carries every user's email (null when the user has none).", false);
		row(rows, "disablePhoneHome", (input.flag(NightFacts.DISABLE_SETTING) ? "set" : "not set") + " - "
				+ decision(input.fact(NightFacts.DISABLE_DECISION)), false);
		row(rows, "Why", input.fact(NightFacts.DISABLE_REASON), false);
		row(rows, "Event telemetry", (input.flag(NightFacts.EVENT_TELEMETRY) ? "on" : "off") + ". " + TELEMETRY_NOTE,
				false);
		row(rows, "Outbound email", onOff(NightFacts.OUTBOUND_EMAIL, "outboundEmailEnabled"), false);
		row(rows, "Slack interactive components",
				onOff(NightFacts.SLACK_INTERACTIVE, "slackInteractiveComponentsEnabled"), false);
		row(rows, "Integrations", integrations(), false);
		row(rows, "Delivery target", orNone(input.fact(NightFacts.DELIVERY_URL))
				+ (input.fact(NightFacts.DELIVERY_KEY_SOURCE).isEmpty() ? ", no phone-home key configured"
						: ", key read from " + input.fact(NightFacts.DELIVERY_KEY_SOURCE) + " (the key itself is never recorded)"),
				false);
		row(rows, "Data source", input.fact(NightFacts.SOURCE), false);
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
		return id != null ? id.toString() : input.fact(NightFacts.INSTALLATION_ID);
	}

	String installationVersion() {
		Object version = tally.header().get("installationVersion");
		return version != null ? version.toString() : input.fact(NightFacts.INSTALLATION_VERSION);
	}

	private String what() {
		return tally.count(PayloadSection.COMPANIES) + " companies, " + tally.count(PayloadSection.TEAMS)
				+ " teams, " + tally.count(PayloadSection.USERS) + " users, "
				+ tally.count(PayloadSection.CODE_REVIEWS) + " code reviews and " + tally.integrations().size()
				+ " integrations";
	}

	private String decidingCompanies() {
		String ids = input.fact(NightFacts.DECIDING_COMPANIES);
		if (ids.isEmpty()) {
			return "none";
		}
		List<String> named = new ArrayList<>();
		for (String id : ids.split(",")) {
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

	private String onOff(String fact, String payloadField) {
		String state = input.flag(fact) ? "enabled" : "disabled";
		return input.skipped() ? state + " (per the services config)"
				: state + " (sent as " + payloadField + ": " + tally.header().get(payloadField) + ")";
	}

	private static String decision(String decision) {
		return switch (decision) {
			case "HONOURED" -> "honoured: the night was skipped";
			case "IGNORED" -> "ignored: the night ran";
			case "NOT_SET" -> "the night ran";
			default -> decision;
		};
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
