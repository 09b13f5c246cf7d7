package dev.phonehome.audit.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

import dev.phonehome.audit.content.AuditChanges;
import dev.phonehome.changes.FirstTimeEmail;
import dev.phonehome.changes.HeaderField;
import dev.phonehome.changes.NightChanges;
import dev.phonehome.changes.SectionChanges;
import dev.phonehome.record.NightRecord;

/**
 * The parameters of the audit's "Changes since &lt;night&gt;" section ({@code reports/audit-changes.jrxml}): the
 * counts and the decision in words as label/value rows, and two tables streamed from the night's change spool (the
 * addresses sent for the first time; the companies and teams new, removed or changed).
 */
final class ChangesSection implements AutoCloseable {

	private final AuditChanges changes;

	private final List<AuditChanges.LineReader> open = new ArrayList<>();

	ChangesSection(AuditChanges changes) {
		this.changes = changes;
	}

	void parameters(Map<String, Object> p) {
		p.put("CHANGES_REPORT", AuditTemplates.get(AuditTemplates.CHANGES));
		p.put("CHANGES_TABLE_REPORT", AuditTemplates.get(AuditTemplates.CHANGES_TABLE));
		NightRecord.Changes recorded = changes.recorded();
		if (recorded == null) {
			// a skipped night, or one recorded before nights were compared: no section
			return;
		}
		NightChanges summary = changes.changes();
		p.put("CHANGES_TITLE", summary != null ? "Changes since " + summary.baselineNight()
				: "Changes since the last night sent");
		p.put("CHANGES_ROWS", new JRMapCollectionDataSource(rows(recorded, summary)));
		long emails = summary == null ? 0 : summary.emails().firstTimeSent();
		long items = summary == null ? 0
				: summary.sections().stream()
					.filter(s -> s.section().equals("companies") || s.section().equals("teams"))
					.mapToLong(s -> s.added() + s.removed() + s.changed())
					.sum();
		p.put("CHANGES_EMAILS_COUNT", emails);
		p.put("CHANGES_ITEMS_COUNT", items);
		p.put("CHANGES_EMAILS", table(changes.firstTimeEmails(), line -> true,
				line -> cells(line.get("userId"), line.get("address"), line.get("reason"), null)));
		p.put("CHANGES_ITEMS", table(changes.items(),
				line -> line.get("section").equals("companies") || line.get("section").equals("teams"),
				line -> cells(line.get("id"), line.get("section"), line.get("name"), line.get("change"))));
	}

	private static List<Map<String, ?>> rows(NightRecord.Changes recorded, NightChanges summary) {
		List<Map<String, ?>> rows = new ArrayList<>();
		if (summary == null) {
			row(rows, "Compared with", "nothing: " + recorded.note(), false);
			return rows;
		}
		row(rows, "Compared with", "night " + summary.baselineNight() + ", execution " + recorded.baselineExecution()
				+ (summary.consecutive() ? " (the night before)" : ""), false);
		row(rows, "Its payload (SHA-256)", recorded.baselinePayload().sha256(), true);
		if (recorded.note() != null) {
			row(rows, "Note", recorded.note(), false);
		}
		row(rows, "In one line", recorded.summary(), false);
		row(rows, "Email decision", summary.decision().describe(), false);
		Map<String, Long> transitions = summary.emails().statusChanges();
		row(rows, "Email status changes", transitions.isEmpty() ? "none"
				: transitions.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
					.collect(Collectors.joining("; ")), false);
		row(rows, "Addresses sent for the first time", summary.emails().firstTimeSent() == 0 ? "none"
				: summary.emails().firstTimeSent() + " (" + summary.emails()
					.firstTimeByReason()
					.entrySet()
					.stream()
					.map(e -> FirstTimeEmail.Reason.valueOf(e.getKey()).words() + " " + e.getValue())
					.collect(Collectors.joining(", ")) + "), listed below", false);
		List<String> header = summary.header().stream().filter(HeaderField::changed)
			.map(h -> h.field() + " " + h.before() + " -> " + h.after())
			.toList();
		row(rows, "Installation and settings", header.isEmpty() ? "unchanged" : String.join("; ", header), false);
		row(rows, "Integrations", summary.integrationsAdded().isEmpty() && summary.integrationsRemoved().isEmpty()
				? "unchanged" : "added " + names(summary.integrationsAdded()) + "; removed "
						+ names(summary.integrationsRemoved()), false);
		for (SectionChanges s : summary.sections()) {
			String fields = s.fieldsChanged().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
				.collect(Collectors.joining(", "));
			row(rows, s.section(), s.added() + " new, " + s.removed() + " removed, " + s.changed() + " changed"
					+ (fields.isEmpty() ? "" : " (" + fields + ")") + ", " + s.unchanged() + " unchanged"
					+ (s.section().equals("users") ? "; daily activity changed for " + s.activityChanged() : ""),
					false);
		}
		row(rows, "Changes (SHA-256)", recorded.sha256(), true);
		return rows;
	}

	private static String names(List<String> names) {
		return names.isEmpty() ? "none" : String.join(", ", names);
	}

	private static void row(List<Map<String, ?>> rows, String label, String value, boolean mono) {
		Map<String, Object> row = new HashMap<>();
		row.put("label", label);
		row.put("value", value);
		row.put("mono", mono);
		rows.add(row);
	}

	private static Map<String, Object> cells(Object c1, Object c2, Object c3, Object c4) {
		Map<String, Object> cells = new LinkedHashMap<>();
		cells.put("c1", c1 == null ? null : c1.toString());
		cells.put("c2", c2 == null ? null : c2.toString());
		cells.put("c3", c3 == null ? null : c3.toString());
		cells.put("c4", c4 == null ? null : c4.toString());
		return cells;
	}

	private JRDataSource table(AuditChanges.LineReader lines, Predicate<Map<String, Object>> shown,
			Function<Map<String, Object>, Map<String, Object>> toCells) {
		open.add(lines);
		return new JRDataSource() {

			private Map<String, Object> row;

			@Override
			public boolean next() {
				for (Map<String, Object> line; (line = lines.next()) != null;) {
					if (shown.test(line)) {
						row = toCells.apply(line);
						return true;
					}
				}
				row = null;
				return false;
			}

			@Override
			public Object getFieldValue(JRField field) {
				return row.get(field.getName());
			}

		};
	}

	@Override
	public void close() {
		open.forEach(AuditChanges.LineReader::close);
	}

}
