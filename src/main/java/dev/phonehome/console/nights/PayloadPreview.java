package dev.phonehome.console.nights;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.phonehome.payload.PayloadCursor;
import dev.phonehome.payload.PayloadSection;

/**
 * One page of an archived payload's section, read forward from the file with the audit's streaming cursor: only as
 * much of the file is read as the page needs (the first page of a 300 MB payload's users is at hand at once), and
 * only one page of items is ever held. A search keeps the items whose id (or, for users, email, or, for companies
 * and teams, name) contains the terms, ignoring case.
 *
 * @param columns the section's field names, in the payload's order
 * @param rows the items' values as shown (timestamps as UTC instants)
 */
public record PayloadPreview(Map<String, Object> header, PayloadSection section, String query, List<String> columns,
		List<List<String>> rows, int page, int size, boolean hasNext) {

	private static final Set<String> SEARCHED = Set.of("id", "reviewId", "email", "name");

	private static final Set<String> TIMESTAMPS = Set.of("date", "createdAt", "registeredAt", "lastLogin", "approvedAt");

	static PayloadPreview read(Path payload, PayloadSection section, String query, int page, int size) {
		String terms = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
		try (PayloadCursor cursor = PayloadCursor.open(payload)) {
			Map<String, Object> header = cursor.header();
			List<String> columns = new ArrayList<>();
			List<List<String>> rows = new ArrayList<>();
			boolean hasNext = false;
			if (cursor.skipTo(section)) {
				long toSkip = (long) page * size;
				for (Map<String, Object> item; (item = cursor.nextItem()) != null;) {
					if (!matches(item, terms)) {
						continue;
					}
					if (toSkip > 0) {
						toSkip--;
						continue;
					}
					if (rows.size() == size) {
						hasNext = true;
						break;
					}
					if (columns.isEmpty()) {
						columns.addAll(item.keySet());
					}
					rows.add(row(columns, item));
				}
			}
			return new PayloadPreview(header, section, query == null ? "" : query.strip(), columns, rows, page, size,
					hasNext);
		}
	}

	private static List<String> row(List<String> columns, Map<String, Object> item) {
		return columns.stream().map(c -> shown(c, item.get(c), item.containsKey(c))).toList();
	}

	private static boolean matches(Map<String, Object> item, String terms) {
		if (terms.isEmpty()) {
			return true;
		}
		for (String field : SEARCHED) {
			Object value = item.get(field);
			if (value instanceof String text && text.toLowerCase(Locale.ROOT).contains(terms)) {
				return true;
			}
		}
		return false;
	}

	private static String shown(String field, Object value, boolean present) {
		if (!present) {
			return "(not sent)";
		}
		if (value == null) {
			return "null";
		}
		if (TIMESTAMPS.contains(field) && value instanceof Long millis) {
			return Instant.ofEpochMilli(millis).toString();
		}
		return value.toString();
	}

	/** The header's values as shown (the night's date as an instant, lists joined). */
	public List<Map.Entry<String, String>> headerRows() {
		return header.entrySet()
			.stream()
			.map(e -> Map.entry(e.getKey(), e.getValue() instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
					: shown(e.getKey(), e.getValue(), true)))
			.toList();
	}

	public boolean hasPrevious() {
		return page > 0;
	}

}
