package dev.phonehome.changes;

/**
 * One field of an item that differs from the baseline night, with both values as the payloads carry them
 * ({@code String}, {@code Long}, {@code Boolean} or {@code null}). A user's {@code email} change holds addresses:
 * it is streamed to a {@link ChangeListener}, never recorded.
 */
public record FieldChange(String field, Object before, Object after) {

	@Override
	public String toString() {
		// never a value (an address) in a log line or an exception
		return "FieldChange[" + field + "]";
	}

}
