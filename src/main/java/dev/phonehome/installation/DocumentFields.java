package dev.phonehome.installation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

/**
 * Typed, contract-checked access to the fields of one installation document. A missing field or an explicit
 * {@code null} reads as absent; a value of the wrong type is bad input that names the document and field.
 */
public final class DocumentFields {

	private final InstallationCollection collection;

	private final BsonDocument document;

	private final String id;

	public DocumentFields(InstallationCollection collection, BsonDocument document) {
		this.collection = collection;
		this.document = document;
		this.id = readId();
	}

	/** The document's id: its {@code _id} as a string (24 hex digits for an ObjectId). */
	public String id() {
		return id;
	}

	private String readId() {
		BsonValue value = document.get("_id");
		if (value == null || value.isNull()) {
			throw new BadDocumentException(collection, null, "_id", "the required _id is missing");
		}
		String text = idText(value);
		if (text == null) {
			throw new BadDocumentException(collection, null, "_id",
					"expected an ObjectId or a string, found " + typeName(value));
		}
		if (text.isEmpty()) {
			throw new BadDocumentException(collection, null, "_id", "the _id is an empty string");
		}
		checkLength("_id", text);
		return text;
	}

	/** A string field; an ObjectId is accepted too and read as its hex string (references are ids). */
	public String string(String path) {
		BsonValue value = value(path);
		if (value == null) {
			return null;
		}
		String text = idText(value);
		if (text == null) {
			throw wrongType(path, "a string", value);
		}
		return text;
	}

	/** A reference to another document: like {@link #string}, but an empty string counts as unset. */
	public String reference(String path) {
		String text = string(path);
		if (text == null || text.isEmpty()) {
			return null;
		}
		checkLength(path, text);
		return text;
	}

	/** A boolean field; absent reads as {@code false} (the contract's default for booleans). */
	public boolean bool(String path) {
		BsonValue value = value(path);
		if (value == null) {
			return false;
		}
		if (!value.isBoolean()) {
			throw wrongType(path, "a boolean", value);
		}
		return value.asBoolean().getValue();
	}

	/**
	 * A timestamp in milliseconds since the epoch: an integer, a whole-valued double (how the server stores
	 * them) or a {@code $date}. A fractional or non-numeric value is bad input.
	 */
	public Long timestamp(String path) {
		BsonValue value = value(path);
		if (value == null) {
			return null;
		}
		return switch (value.getBsonType()) {
			case INT32 -> (long) value.asInt32().getValue();
			case INT64 -> value.asInt64().getValue();
			case DATE_TIME -> value.asDateTime().getValue();
			case DOUBLE -> wholeMillis(path, value.asDouble().getValue());
			case DECIMAL128 -> decimalMillis(path, value.asDecimal128().getValue());
			default -> throw wrongType(path, "a timestamp (milliseconds since the epoch)", value);
		};
	}

	/** A {@code $numberDecimal}: NaN, an infinity and -0 have no BigDecimal (its conversion throws), and are no time. */
	private long decimalMillis(String path, Decimal128 decimal) {
		if (decimal.isNaN() || decimal.isInfinite()) {
			throw new BadDocumentException(collection, id, path,
					"a timestamp must be a whole number of milliseconds, found a $numberDecimal NaN or Infinity");
		}
		try {
			return wholeMillis(path, decimal.bigDecimalValue().doubleValue());
		}
		catch (ArithmeticException ex) {
			// what is left that has no BigDecimal: a negative zero, in any exponent
			throw new BadDocumentException(collection, id, path,
					"a timestamp must be a whole number of milliseconds, found a negative zero");
		}
	}

	private long wholeMillis(String path, double millis) {
		if (millis == 0 && Double.doubleToRawLongBits(millis) != 0) {
			throw new BadDocumentException(collection, id, path,
					"a timestamp must be a whole number of milliseconds, found a negative zero");
		}
		if (!Double.isFinite(millis) || millis != Math.rint(millis) || Math.abs(millis) > 9.007199254740992E15) {
			throw new BadDocumentException(collection, id, path,
					"a timestamp must be a whole number of milliseconds, found a fraction or a number out of range");
		}
		return (long) millis;
	}

	/** An array of ids, without repeats, in document order; absent reads as empty. */
	public List<String> idArray(String path) {
		BsonValue value = value(path);
		if (value == null) {
			return List.of();
		}
		if (!value.isArray()) {
			throw wrongType(path, "an array of ids", value);
		}
		Set<String> ids = new LinkedHashSet<>();
		for (BsonValue element : value.asArray()) {
			if (element == null || element.isNull()) {
				continue;
			}
			String text = idText(element);
			if (text == null) {
				throw wrongType(path + "[]", "an id string", element);
			}
			if (!text.isEmpty()) {
				checkLength(path, text);
				ids.add(text);
			}
		}
		return new ArrayList<>(ids);
	}

	/** A sub-document, or {@code null} when absent. */
	public BsonDocument document(String path) {
		BsonValue value = value(path);
		if (value == null) {
			return null;
		}
		if (!value.isDocument()) {
			throw wrongType(path, "an object", value);
		}
		return value.asDocument();
	}

	private BsonValue value(String path) {
		BsonValue current = document;
		for (String part : path.split("\\.")) {
			if (current == null || current.isNull()) {
				return null;
			}
			if (!current.isDocument()) {
				throw wrongType(path, "an object on the way to this field", current);
			}
			current = current.asDocument().get(part);
		}
		return (current == null || current.isNull()) ? null : current;
	}

	private void checkLength(String path, String text) {
		if (text.length() > 255) {
			throw new BadDocumentException(collection, id, path,
					"an id may have at most 255 characters, found " + text.length());
		}
	}

	private static String idText(BsonValue value) {
		if (value.isString()) {
			return value.asString().getValue();
		}
		if (value.isObjectId()) {
			return value.asObjectId().getValue().toHexString();
		}
		return null;
	}

	private BadDocumentException wrongType(String path, String expected, BsonValue found) {
		return new BadDocumentException(collection, id, path, "expected " + expected + ", found " + typeName(found));
	}

	private static String typeName(BsonValue value) {
		return switch (value.getBsonType()) {
			case DOCUMENT -> "an object";
			case ARRAY -> "an array";
			case STRING -> "a string";
			case BOOLEAN -> "a boolean";
			case INT32, INT64, DOUBLE, DECIMAL128 -> "a number";
			case DATE_TIME -> "a date";
			case OBJECT_ID -> "an ObjectId";
			default -> value.getBsonType().name().toLowerCase();
		};
	}

}
