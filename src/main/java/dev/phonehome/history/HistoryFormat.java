package dev.phonehome.history;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** How {@code history} prints: a table for a terminal, CSV and JSON for auditors' tools. */
public enum HistoryFormat {

	TABLE, CSV, JSON;

	/** The columns, in order, for the table and the CSV (the JSON uses the record's own field names). */
	private static final List<Column> COLUMNS = List.of(new Column("night", e -> e.night().toString()),
			new Column("execution", e -> String.valueOf(e.executionId())), new Column("mode", HistoryEntry::mode),
			new Column("started", e -> time(e.started())), new Column("ended", e -> time(e.ended())),
			new Column("status", HistoryEntry::status), new Column("exit", HistoryEntry::exitCode),
			new Column("companies", e -> number(e.companies())), new Column("teams", e -> number(e.teams())),
			new Column("users", e -> number(e.users())), new Column("codeReviews", e -> number(e.codeReviews())),
			new Column("emails", HistoryEntry::emails), new Column("payloadSha256", HistoryEntry::payloadSha256),
			new Column("previousSha256", HistoryEntry::previousSha256),
			new Column("delivery", HistoryEntry::deliveryStatus), new Column("deliveredAt", HistoryEntry::deliveryTime),
			new Column("audit", HistoryEntry::auditPdf), new Column("changes", HistoryEntry::changes),
			new Column("approval", HistoryEntry::approval));

	public void print(List<HistoryEntry> entries, PrintWriter out) {
		switch (this) {
			case TABLE -> table(entries, out);
			case CSV -> csv(entries, out);
			case JSON -> out.println(JsonMapper.builder()
				.enable(SerializationFeature.INDENT_OUTPUT)
				.build()
				.writeValueAsString(entries));
		}
		out.flush();
	}

	private static void csv(List<HistoryEntry> entries, PrintWriter out) {
		try {
			CSVPrinter printer = CSVFormat.RFC4180.builder()
				.setHeader(COLUMNS.stream().map(Column::name).toArray(String[]::new))
				.get()
				.print(out);
			for (HistoryEntry entry : entries) {
				printer.printRecord(COLUMNS.stream().map(c -> c.value().apply(entry)).toList());
			}
			printer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A terminal table; the SHA-256s are shortened to 12 digits (the CSV and JSON carry them whole). */
	private static void table(List<HistoryEntry> entries, PrintWriter out) {
		if (entries.isEmpty()) {
			out.println("no executions recorded in that period");
			return;
		}
		List<Column> shown = COLUMNS.stream()
			.filter(c -> !List.of("started", "previousSha256", "audit").contains(c.name()))
			.map(c -> c.name().endsWith("Sha256") ? new Column("sha256", e -> shorten(c.value().apply(e))) : c)
			.toList();
		List<List<String>> rows = new ArrayList<>();
		rows.add(shown.stream().map(Column::name).toList());
		entries.forEach(e -> rows.add(shown.stream().map(c -> c.value().apply(e)).toList()));
		int[] widths = new int[shown.size()];
		rows.forEach(row -> {
			for (int i = 0; i < row.size(); i++) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		});
		for (List<String> row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.size(); i++) {
				line.append(String.format("%-" + widths[i] + "s", row.get(i))).append(i < row.size() - 1 ? "  " : "");
			}
			out.println(line.toString().stripTrailing());
		}
	}

	private static String shorten(String sha) {
		return sha.length() > 12 ? sha.substring(0, 12) : sha;
	}

	private static String time(Instant instant) {
		return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}

	private static String number(Long value) {
		return value == null ? "" : value.toString();
	}

	private record Column(String name, Function<HistoryEntry, String> value) {
	}

}
