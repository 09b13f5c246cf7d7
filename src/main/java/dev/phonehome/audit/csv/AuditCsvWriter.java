package dev.phonehome.audit.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import dev.phonehome.audit.content.AuditChanges;
import dev.phonehome.audit.content.AuditInput;
import dev.phonehome.payload.EmailStatus;
import dev.phonehome.payload.PayloadCursor;
import dev.phonehome.payload.Timestamps;
import dev.phonehome.payload.PayloadSection;
import dev.phonehome.record.NightRecord;

/**
 * Writes {@code audit.csv} (RFC 4180, UTF-8, CRLF, header row): one row per item sent, straight from the archived
 * payload as it streams past.
 */
public final class AuditCsvWriter {

	/**
	 * Every non-null value is quoted, so a JSON {@code null} (an empty, unquoted field) is told apart from an
	 * empty string ({@code ""}).
	 */
	public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader(AuditColumn.class)
		.setQuoteMode(QuoteMode.ALL_NON_NULL)
		.get();

	private AuditCsvWriter() {
	}

	/** Writes the CSV of {@code input} to {@code out} (left open). */
	public static void write(AuditInput input, OutputStream out) throws IOException {
		write(input, AuditChanges.none(input.record().changes()), out);
	}

	/**
	 * Writes the CSV of {@code input} to {@code out} (left open), each item's row with its change since the night
	 * sent before.
	 */
	public static void write(AuditInput input, AuditChanges changes, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		CSVPrinter printer = FORMAT.print(writer);
		Object[] audit = auditRow(input);
		ChangeRows.summary(audit, changes);
		printer.printRecord(audit);
		if (input.payload() != null) {
			try (PayloadCursor cursor = PayloadCursor.open(input.payload());
					AuditChanges.ChangeLabels labels = changes.labels()) {
				Map<String, Object> header = cursor.header();
				printer.printRecord(installationRow(header));
				for (Object integration : (Iterable<?>) header.getOrDefault("integrations", java.util.List.of())) {
					Object[] row = row("integration");
					put(row, AuditColumn.integration, integration);
					printer.printRecord(row);
				}
				for (PayloadSection section; (section = cursor.section()) != null;) {
					for (Map<String, Object> item; (item = cursor.nextItem()) != null;) {
						Object[] row = itemRow(section, item);
						put(row, AuditColumn.change, labels.of(section, item));
						printer.printRecord(row);
					}
				}
			}
			ChangeRows.removed(changes, (section, item) -> {
				Object[] row = itemRow(section, item);
				put(row, AuditColumn.change, "REMOVED");
				printer.printRecord(row);
			});
		}
		printer.flush();
	}

	private static Object[] auditRow(AuditInput input) {
		Object[] row = row("audit");
		NightRecord record = input.record();
		put(row, AuditColumn.night, input.night().toString());
		put(row, AuditColumn.windowStart, input.windowStart());
		put(row, AuditColumn.windowStartUtc, Timestamps.iso(input.windowStart()));
		put(row, AuditColumn.windowEnd, input.windowEnd());
		put(row, AuditColumn.windowEndUtc, Timestamps.iso(input.windowEnd()));
		put(row, AuditColumn.executionId, input.executionId());
		put(row, AuditColumn.runMode, input.runLabel());
		put(row, AuditColumn.deliveryStatus, input.deliveryText());
		if (record.payload() != null) {
			put(row, AuditColumn.payloadSha256, record.payload().file().sha256());
			put(row, AuditColumn.payloadSize, String.valueOf(record.payload().file().size()));
		}
		put(row, AuditColumn.installationId, input.decisions().installation().id());
		put(row, AuditColumn.installationVersion, input.decisions().installation().version());
		put(row, AuditColumn.note, input.skipped() ? "nothing was sent: " + input.decisions().switchOff().reason()
				: input.decisions().emails().reason());
		return row;
	}

	private static Object[] installationRow(Map<String, Object> header) {
		Object[] row = row("installation");
		header.forEach((field, value) -> {
			if (!field.equals("integrations")) {
				fieldValue(row, field, value);
			}
		});
		return row;
	}

	private static Object[] itemRow(PayloadSection section, Map<String, Object> item) {
		Object[] row = row(section.itemDefinition());
		item.forEach((field, value) -> fieldValue(row, field, value));
		if (section == PayloadSection.USERS) {
			put(row, AuditColumn.emailStatus, EmailStatus.of(item).name());
		}
		return row;
	}

	private static void fieldValue(Object[] row, String field, Object value) {
		put(row, AuditColumn.ofField(field), value);
		if (Timestamps.FIELDS.contains(field)) {
			put(row, AuditColumn.ofField(field + "Utc"), Timestamps.iso(value));
		}
	}

	private static Object[] row(String recordType) {
		Object[] row = new Object[AuditColumn.values().length];
		row[AuditColumn.recordType.ordinal()] = recordType;
		return row;
	}

	private static void put(Object[] row, AuditColumn column, Object value) {
		row[column.ordinal()] = SpreadsheetSafe.cell(value);
	}

}
