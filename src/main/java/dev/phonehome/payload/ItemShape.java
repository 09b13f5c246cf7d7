package dev.phonehome.payload;

import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * What the payload schema can tell apart about an item: its field names in order, and for each value its JSON
 * type, whether a string is empty and whether an integer is negative. Under the keywords the contract uses
 * ({@link #DECIDING_KEYWORDS}: type, required, additionalProperties, properties, $ref, allOf, not, minLength 1,
 * minimum 0) two items with the same shape get the same verdict and the same messages, so each distinct shape is
 * validated by the schema once and the verdict reused for the million items that share it.
 */
final class ItemShape {

	/** Keywords whose outcome depends on no more than the shape; any other keyword turns the shortcut off. */
	static final Set<String> DECIDING_KEYWORDS = Set.of("type", "required", "additionalProperties", "properties",
			"$ref", "allOf", "not", "minLength", "minimum", "items", "uniqueItems", "$defs", "$schema", "$id", "title",
			"description");

	/** Bounds of minLength and minimum the shape records (string empty or not; integer negative or not). */
	static final Map<String, Integer> SUPPORTED_BOUNDS = Map.of("minLength", 1, "minimum", 0);

	private ItemShape() {
	}

	/**
	 * The shape of an item, or {@code null} when the item holds something the shape does not capture (a nested
	 * object or array, a fraction, a number beyond 64 bits): such an item is validated by the schema itself.
	 */
	static String of(JsonNode item) {
		if (!item.isObject()) {
			return null;
		}
		StringBuilder shape = new StringBuilder(256);
		for (Map.Entry<String, JsonNode> field : item.properties()) {
			char kind = kind(field.getValue());
			if (kind == 0) {
				return null;
			}
			shape.append(field.getKey()).append('\u0000').append(kind);
		}
		return shape.toString();
	}

	private static char kind(JsonNode value) {
		if (value.isString()) {
			return value.asString().isEmpty() ? 'e' : 's';
		}
		if (value.isBoolean()) {
			return 'b';
		}
		if (value.isNull()) {
			return 'n';
		}
		if (value.isIntegralNumber() && value.canConvertToLong()) {
			return value.longValue() < 0 ? '-' : 'i';
		}
		return 0;
	}

}
