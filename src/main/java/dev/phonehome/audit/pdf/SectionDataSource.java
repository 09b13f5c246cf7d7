package dev.phonehome.audit.pdf;

import java.nio.file.Path;
import java.util.Map;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRField;

import dev.phonehome.audit.Timestamps;
import dev.phonehome.payload.EmailStatus;
import dev.phonehome.payload.PayloadCursor;
import dev.phonehome.payload.PayloadSection;

/**
 * One section of the archived payload as rows of a table, streamed from the file (opened on the first row, closed
 * after the last): a table of 100,000 users never sits in memory. Besides the item's own fields it offers
 * {@code <timestamp>Utc} (the ISO-8601 UTC reading of a timestamp field) and, for users, {@code emailStatus}.
 */
final class SectionDataSource implements JRDataSource, AutoCloseable {

	private final Path payload;

	private final PayloadSection section;

	private PayloadCursor cursor;

	private Map<String, Object> item;

	private boolean exhausted;

	SectionDataSource(Path payload, PayloadSection section) {
		this.payload = payload;
		this.section = section;
		this.exhausted = payload == null;
	}

	@Override
	public boolean next() {
		if (exhausted) {
			return false;
		}
		if (cursor == null) {
			cursor = PayloadCursor.open(payload);
			if (!cursor.skipTo(section)) {
				close();
				return false;
			}
		}
		item = cursor.section() == section ? cursor.nextItem() : null;
		if (item == null) {
			close();
			return false;
		}
		return true;
	}

	@Override
	public Object getFieldValue(JRField field) {
		String name = field.getName();
		if (name.equals("emailStatus")) {
			return EmailStatus.of(item).name();
		}
		if (name.endsWith("Utc")) {
			return Timestamps.iso(item.get(name.substring(0, name.length() - 3)));
		}
		return item.get(name);
	}

	@Override
	public void close() {
		exhausted = true;
		item = null;
		if (cursor != null) {
			cursor.close();
			cursor = null;
		}
	}

}
