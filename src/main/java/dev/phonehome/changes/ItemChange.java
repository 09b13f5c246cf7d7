package dev.phonehome.changes;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.phonehome.payload.PayloadSection;

/**
 * An item added, removed or changed since the baseline night, streamed to a {@link ChangeListener} in the
 * payloads' order. It may hold a user's address (in {@code item} and in an {@code email} field change), so it is
 * never kept in the night's record.
 *
 * @param id the item's id ({@code reviewId} for a code review)
 * @param item the item as tonight's payload has it; for {@link ChangeKind#REMOVED}, as the baseline had it
 * @param fields for {@link ChangeKind#CHANGED}, the fields that differ (the daily activity never counts here);
 * empty otherwise
 */
public record ItemChange(PayloadSection section, String id, ChangeKind kind, Map<String, Object> item,
		List<FieldChange> fields) {

	public ItemChange {
		fields = List.copyOf(fields);
	}

	public List<String> fieldNames() {
		return fields.stream().map(FieldChange::field).toList();
	}

	@Override
	public String toString() {
		// never a value (an address) in a log line or an exception
		return "ItemChange[" + section.key() + " " + id + " " + label() + "]";
	}

	/** {@code NEW}, {@code REMOVED}, or {@code CHANGED} with its fields ({@code CHANGED: plan, name}). */
	public String label() {
		return kind != ChangeKind.CHANGED ? kind.name()
				: fields.stream().map(FieldChange::field).collect(Collectors.joining(", ", "CHANGED: ", ""));
	}

}
