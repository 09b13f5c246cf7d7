package dev.phonehome.changes;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How {@code diff} prints: a table for a terminal, CSV and JSON for tools. Each prints the summary first, then every
 * changed item and every address sent for the first time, read back from the {@link ChangeSpool}.
 */
public enum ChangesFormat {

	TABLE, CSV, JSON;

	private static final Set<String> TIMESTAMPS = Set.of("createdAt", "registeredAt", "approvedAt", "lastLogin");

	private static final Map<String, String> HEADER_LABELS = Map.of("installationId", "installation",
			"installationVersion", "version", "outboundEmailEnabled", "outbound email",
			"slackInteractiveComponentsEnabled", "slack");

	private static final String[] CSV_HEADER = { "section", "id", "change", "field", "before", "after", "note" };

	public void print(ComparedNights nights, NightChanges changes, ChangeSpool spool, PrintWriter out) {
		switch (this) {
			case TABLE -> table(nights, changes, spool, out);
			case CSV -> csv(nights, changes, spool, out);
			case JSON -> json(nights, changes, spool, out);
		}
		out.flush();
	}

	private static void table(ComparedNights nights, NightChanges changes, ChangeSpool spool, PrintWriter out) {
		out.println("phonehome: night " + nights.night() + " (execution " + nights.executionId() + ")"
				+ (changes.hasBaseline() ? " compared with night " + nights.against() + " (execution "
						+ nights.againstExecutionId() + ")" : ": no earlier archived night to compare with"));
		if (nights.note() != null) {
			out.println(row("note", nights.note()));
		}
		if (!changes.hasBaseline()) {
			return;
		}
		for (HeaderField field : changes.header()) {
			out.println(row(HEADER_LABELS.get(field.field()),
					field.changed() ? field.before() + " -> " + field.after() : field.after() + " (unchanged)"));
		}
		out.println(row("integrations", changes.integrationsAdded().isEmpty() && changes.integrationsRemoved().isEmpty()
				? "unchanged" : "added " + words(changes.integrationsAdded()) + "; removed "
						+ words(changes.integrationsRemoved())));
		out.println(row("decision", changes.decision().describe()));
		EmailChanges emails = changes.emails();
		out.println(row("addresses", emails.firstTimeSent() == 0 ? "none sent for the first time"
				: emails.firstTimeSent() + " sent for the first time (" + reasons(emails.firstTimeByReason()) + ")"));
		out.println(row("email status", emails.statusChanges().isEmpty() ? "unchanged" : counts(emails.statusChanges())));
		out.println();
		line(out, "  %-12s %7s %8s %8s %10s %9s  %s", "section", "new", "removed", "changed", "unchanged", "activity",
				"fields changed");
		for (SectionChanges s : changes.sections()) {
			line(out, "  %-12s %7d %8d %8d %10d %9s  %s", s.section(), s.added(), s.removed(), s.changed(),
					s.unchanged(), s.section().equals("users") ? String.valueOf(s.activityChanged()) : "-",
					NightChanges.fields(s));
		}
		long items = changes.sections().stream().mapToLong(s -> s.added() + s.removed() + s.changed()).sum();
		if (items > 0) {
			out.println();
			out.println("  changed items (" + items + ")");
			line(out, "  %-12s %-26s %-8s %s", "section", "id", "change", "name / fields");
			spool.items(item -> line(out, "  %-12s %-26s %-8s %s", text(item.get("section")), text(item.get("id")),
					text(item.get("change")), details(item)));
		}
		if (emails.firstTimeSent() > 0) {
			out.println();
			out.println("  addresses sent for the first time (" + emails.firstTimeSent() + ")");
			line(out, "  %-26s %-40s %s", "user", "address", "why");
			spool.emails(email -> line(out, "  %-26s %-40s %s", text(email.get("userId")), text(email.get("address")),
					reason(email)));
		}
	}

	/** {@code Initech Labs: plan none -> 30DAYTRIAL; name a -> b}. */
	private static String details(JsonNode item) {
		List<String> parts = new ArrayList<>();
		for (JsonNode field : item.get("fields")) {
			String name = text(field.get("field"));
			parts.add(name + " " + shown(name, field.get("before")) + " -> " + shown(name, field.get("after")));
		}
		String fields = String.join("; ", parts);
		JsonNode name = item.get("name");
		return name == null ? fields : text(name) + (fields.isEmpty() ? "" : ": " + fields);
	}

	private static String shown(String field, JsonNode value) {
		if (value == null || value.isNull()) {
			return "null";
		}
		return TIMESTAMPS.contains(field) && value.isNumber() ? Instant.ofEpochMilli(value.asLong()).toString()
				: text(value);
	}

	private static void csv(ComparedNights nights, NightChanges changes, ChangeSpool spool, PrintWriter out) {
		try {
			CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get().print(out);
			csv.printRecord("nights", "", changes.hasBaseline() ? "COMPARED" : "NO_BASELINE", "night",
					nights.against() == null ? "" : nights.against(), nights.night(),
					nights.note() == null ? "" : nights.note());
			if (changes.hasBaseline()) {
				csvSummary(changes, csv);
				spool.items(item -> {
					String name = item.has("name") ? text(item.get("name")) : "";
					if (item.get("fields").isEmpty()) {
						record(csv, text(item.get("section")), text(item.get("id")), text(item.get("change")), "", "",
								"", name);
					}
					for (JsonNode field : item.get("fields")) {
						record(csv, text(item.get("section")), text(item.get("id")), text(item.get("change")),
								text(field.get("field")), text(field.get("before")), text(field.get("after")), name);
					}
				});
				spool.emails(email -> record(csv, "users", text(email.get("userId")), "EMAIL_FIRST_SENT", "email", "",
						text(email.get("address")), reason(email)));
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void csvSummary(NightChanges changes, CSVPrinter csv) throws IOException {
		for (HeaderField field : changes.header()) {
			csv.printRecord("header", "", field.changed() ? "CHANGED" : "UNCHANGED", field.field(), field.before(),
					field.after(), "");
		}
		for (String name : changes.integrationsAdded()) {
			csv.printRecord("header", "", "NEW", "integrations", "", name, "");
		}
		for (String name : changes.integrationsRemoved()) {
			csv.printRecord("header", "", "REMOVED", "integrations", name, "", "");
		}
		DecisionChange decision = changes.decision();
		csv.printRecord("decision", "", decision.changed() ? "CHANGED" : "UNCHANGED", "emails",
				decision.emailsIncludedBefore() ? "included" : "redacted",
				decision.emailsIncludedAfter() ? "included" : "redacted", decision.describe());
		for (SectionChanges s : changes.sections()) {
			csv.printRecord(s.section(), "", "COUNT", "new", "", s.added(), "");
			csv.printRecord(s.section(), "", "COUNT", "removed", "", s.removed(), "");
			csv.printRecord(s.section(), "", "COUNT", "changed", "", s.changed(), NightChanges.fields(s));
			csv.printRecord(s.section(), "", "COUNT", "unchanged", "", s.unchanged(), "");
			if (s.section().equals("users")) {
				csv.printRecord(s.section(), "", "COUNT", "activityChanged", "", s.activityChanged(), "");
			}
		}
		EmailChanges emails = changes.emails();
		csv.printRecord("users", "", "COUNT", "emailFirstSent", "", emails.firstTimeSent(),
				reasons(emails.firstTimeByReason()));
		for (Map.Entry<String, Long> transition : emails.statusChanges().entrySet()) {
			csv.printRecord("users", "", "COUNT", "emailStatus " + transition.getKey(), "", transition.getValue(), "");
		}
	}

	private static void record(CSVPrinter csv, Object... values) {
		try {
			csv.printRecord(values);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void json(ComparedNights nights, NightChanges changes, ChangeSpool spool, PrintWriter out) {
		JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		try (JsonGenerator g = mapper.createGenerator(out)) {
			g.writeStartObject();
			g.writePOJOProperty("nights", nights);
			g.writePOJOProperty("changes", changes);
			g.writeArrayPropertyStart("items");
			if (changes.hasBaseline()) {
				spool.items(g::writeTree);
			}
			g.writeEndArray();
			g.writeArrayPropertyStart("firstTimeEmails");
			if (changes.hasBaseline()) {
				spool.emails(g::writeTree);
			}
			g.writeEndArray();
			g.writeEndObject();
		}
		out.println();
	}

	private static String counts(Map<String, Long> counts) {
		return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
	}

	/** {@code new user 1, address added 1}. */
	private static String reasons(Map<String, Long> byReason) {
		return byReason.entrySet()
			.stream()
			.map(e -> FirstTimeEmail.Reason.valueOf(e.getKey()).words() + " " + e.getValue())
			.collect(Collectors.joining(", "));
	}

	private static String reason(JsonNode email) {
		return FirstTimeEmail.Reason.valueOf(text(email.get("reason"))).words();
	}

	/** A table line, without the padding the last column leaves. */
	private static void line(PrintWriter out, String format, Object... values) {
		out.println(String.format(format, values).stripTrailing());
	}

	private static String words(List<String> names) {
		return names.isEmpty() ? "none" : String.join(", ", names);
	}

	private static String row(String label, String value) {
		return String.format("  %-14s %s", label, value);
	}

	private static String text(JsonNode node) {
		return node == null || node.isNull() ? "" : node.asString();
	}

}
