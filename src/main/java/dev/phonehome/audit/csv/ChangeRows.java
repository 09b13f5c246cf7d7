package dev.phonehome.audit.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import dev.phonehome.audit.content.AuditChanges;
import dev.phonehome.payload.PayloadSection;

/**
 * The {@code change} column of {@code audit.csv}: the audit row carries the one-line summary of the night's changes,
 * each item row its change (see {@link AuditChanges.ChangeLabels}), and the items the night sent before but not
 * tonight follow as REMOVED rows, as that night sent them.
 */
final class ChangeRows {

	private ChangeRows() {
	}

	static void summary(Object[] auditRow, AuditChanges changes) {
		if (changes.recorded() != null) {
			auditRow[AuditColumn.change.ordinal()] = changes.recorded().summary();
		}
	}

	/** Every REMOVED item, in the baseline's order. */
	@SuppressWarnings("unchecked")
	static void removed(AuditChanges changes, RowPrinter printer) throws IOException {
		try (AuditChanges.LineReader lines = changes.items()) {
			for (Map<String, Object> line; (line = lines.next()) != null;) {
				if ("REMOVED".equals(line.get("kind"))) {
					printer.print(PayloadSection.ofKey((String) line.get("section")),
							(Map<String, Object>) line.get("item"));
				}
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	interface RowPrinter {

		void print(PayloadSection section, Map<String, Object> item) throws IOException;

	}

}
