package dev.phonehome.changes;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiConsumer;

import dev.phonehome.payload.PayloadCursor;
import dev.phonehome.payload.PayloadSection;

/**
 * The baseline payload, read forward in step with tonight's: one item in memory at a time. Both payloads are
 * sorted by section, then by id, so each of tonight's items meets its baseline item (if any) after the cursor has
 * passed every baseline item before it, and those were removed since.
 */
final class BaselineCursor implements AutoCloseable {

	private final Path file;

	private final PayloadCursor cursor;

	private final Map<String, Object> header;

	private PayloadSection pendingSection;

	private Map<String, Object> pending;

	private String pendingId;

	BaselineCursor(Path file) {
		this.file = file;
		this.cursor = PayloadCursor.open(file);
		try {
			this.header = cursor.header();
			advance();
		}
		catch (RuntimeException ex) {
			cursor.close();
			throw ex;
		}
	}

	Map<String, Object> header() {
		return header;
	}

	/**
	 * The baseline item of {@code section} with {@code id}, or {@code null} when the baseline has none; every
	 * baseline item before it goes to {@code removed} first.
	 */
	Map<String, Object> match(PayloadSection section, String id, BiConsumer<PayloadSection, Map<String, Object>> removed) {
		while (pending != null && (pendingSection.ordinal() < section.ordinal()
				|| (pendingSection == section && IdOrder.compare(pendingId, id) < 0))) {
			removed.accept(pendingSection, pending);
			advance();
		}
		if (pending != null && pendingSection == section && pendingId.equals(id)) {
			Map<String, Object> match = pending;
			advance();
			return match;
		}
		return null;
	}

	/** Every baseline item not matched yet goes to {@code removed}. */
	void drain(BiConsumer<PayloadSection, Map<String, Object>> removed) {
		while (pending != null) {
			removed.accept(pendingSection, pending);
			advance();
		}
	}

	private void advance() {
		PayloadSection previousSection = pendingSection;
		String previousId = pendingId;
		pending = null;
		pendingId = null;
		for (PayloadSection section; (section = cursor.section()) != null;) {
			Map<String, Object> item = cursor.nextItem();
			if (item != null) {
				pendingSection = section;
				pending = item;
				pendingId = IdOrder.id(section, item, file);
				OutOfOrderException.check(file, previousSection, previousId, section, pendingId);
				return;
			}
		}
		pendingSection = null;
	}

	@Override
	public void close() {
		cursor.close();
	}

}
