package dev.phonehome.payload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates a payload file against {@code jobs/phone-home/payload.schema.json} with bounded memory: the envelope
 * (every field, arrays left empty) against the root schema, and each array item, one at a time, against its
 * definition. Any field outside the contract is a violation; on a paid night so is any {@code email} key. The
 * schema runs once per distinct item shape ({@link ItemShape}), which decides the verdict for this contract.
 */
public final class PayloadContract {

	public static final String SCHEMA_RESOURCE = "jobs/phone-home/payload.schema.json";

	private static final int MAX_REPORTED = 20;

	/** Distinct item shapes remembered per section; a valid payload has a few dozen. */
	private static final int MAX_SHAPES = 4096;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final Schema envelope;

	private final Map<PayloadSection, Schema> items = new EnumMap<>(PayloadSection.class);

	private final Schema redactedUser;

	private final List<String> fieldOrder = new ArrayList<>();

	private final boolean shapeCacheable;

	public PayloadContract() {
		ObjectNode root = (ObjectNode) readSchema();
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
		this.envelope = registry.getSchema(root);
		for (PayloadSection section : PayloadSection.values()) {
			items.put(section, registry.getSchema(definition(root, section.itemDefinition())));
		}
		this.redactedUser = registry.getSchema(definition(root, "redactedUser"));
		root.get("required").forEach(name -> fieldOrder.add(name.asString()));
		this.shapeCacheable = decidesOnShape(root);
	}

	private JsonNode readSchema() {
		try (InputStream in = PayloadContract.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the classpath");
			}
			return mapper.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A schema document that is the root schema's {@code $defs/<name>}, with the same {@code $defs} to refer to. */
	private static JsonNode definition(ObjectNode root, String name) {
		ObjectNode copy = root.deepCopy();
		for (String keyword : List.of("$id", "title", "description", "type", "additionalProperties", "required",
				"properties")) {
			copy.remove(keyword);
		}
		copy.put("$ref", "#/$defs/" + name);
		return copy;
	}

	/** Checks a payload file; throws {@link PayloadContractException} listing what is wrong. */
	public void validate(Path payload, boolean emailsIncluded) {
		List<String> violations = new ArrayList<>();
		ObjectNode envelopeNode = mapper.createObjectNode();
		try (JsonParser parser = mapper.createParser(payload.toFile())) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new PayloadContractException(List.of("the payload is not a JSON object"));
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				PayloadSection section = PayloadSection.ofKey(name);
				parser.nextToken();
				if (section != null && parser.currentToken() == JsonToken.START_ARRAY) {
					envelopeNode.putArray(name);
					validateItems(parser, section, emailsIncluded, violations);
				}
				else {
					envelopeNode.set(name, parser.readValueAsTree());
				}
			}
			if (parser.nextToken() != null) {
				violations.add("unexpected content after the payload object");
			}
		}
		report(envelope.validate(envelopeNode), "", violations);
		List<String> order = new ArrayList<>();
		envelopeNode.propertyNames().forEach(order::add);
		if (violations.isEmpty() && !order.equals(fieldOrder)) {
			violations.add("fields are out of contract order: " + order);
		}
		if (!violations.isEmpty()) {
			throw new PayloadContractException(violations);
		}
	}

	private void validateItems(JsonParser parser, PayloadSection section, boolean emailsIncluded,
			List<String> violations) {
		Schema schema = (section == PayloadSection.USERS && !emailsIncluded) ? redactedUser : items.get(section);
		Map<String, List<String>> verdicts = new HashMap<>();
		int index = 0;
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			JsonNode item = parser.readValueAsTree();
			if (violations.size() < MAX_REPORTED) {
				String prefix = "/" + section.key() + "/" + index;
				for (String message : verdict(schema, item, verdicts)) {
					if (violations.size() < MAX_REPORTED) {
						violations.add(prefix + message);
					}
				}
			}
			index++;
		}
	}

	/**
	 * The schema's messages for an item (locations relative to the item). Items of a shape already seen get that
	 * shape's verdict without running the schema again (see {@link ItemShape}: at a million users, validating each
	 * item took most of the payload step).
	 */
	private List<String> verdict(Schema schema, JsonNode item, Map<String, List<String>> verdicts) {
		String shape = shapeCacheable ? ItemShape.of(item) : null;
		if (shape == null) {
			return messages(schema.validate(item));
		}
		List<String> known = verdicts.get(shape);
		if (known == null) {
			known = messages(schema.validate(item));
			if (verdicts.size() < MAX_SHAPES) {
				verdicts.put(shape, known);
			}
		}
		return known;
	}

	private static List<String> messages(List<Error> errors) {
		List<String> messages = new ArrayList<>(errors.size());
		for (Error error : errors) {
			messages.add(message(error));
		}
		return messages;
	}

	private static void report(List<Error> errors, String prefix, List<String> violations) {
		for (Error error : errors) {
			if (violations.size() >= MAX_REPORTED) {
				return;
			}
			violations.add(prefix + message(error));
		}
	}

	// The message names the location and the rule; an email rule violation never quotes the address.
	private static String message(Error error) {
		return error.getInstanceLocation() + ": " + error.getKeyword() + " " + describe(error);
	}

	/** Whether every keyword of the schema decides on no more than an item's shape (else: no shortcut). */
	private static boolean decidesOnShape(JsonNode schema) {
		if (schema.isArray()) {
			for (JsonNode element : schema) {
				if (!decidesOnShape(element)) {
					return false;
				}
			}
			return true;
		}
		if (!schema.isObject()) {
			return true;
		}
		for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
			String name = keyword.getKey();
			JsonNode value = keyword.getValue();
			if (!ItemShape.DECIDING_KEYWORDS.contains(name)) {
				return false;
			}
			Integer bound = ItemShape.SUPPORTED_BOUNDS.get(name);
			if (bound != null && !(value.isIntegralNumber() && value.intValue() == bound)) {
				return false;
			}
			if (name.equals("properties") || name.equals("$defs")) {
				// names of properties and definitions, each mapped to a schema
				for (JsonNode subschema : value) {
					if (!decidesOnShape(subschema)) {
						return false;
					}
				}
			}
			else if (value.isContainer() && !name.equals("required") && !name.equals("type")
					&& !decidesOnShape(value)) {
				return false;
			}
		}
		return true;
	}

	private static String describe(Error error) {
		if ("additionalProperties".equals(error.getKeyword())) {
			return "field '" + error.getProperty() + "' is not in the contract";
		}
		if ("not".equals(error.getKeyword())) {
			return "an email key on a paid night";
		}
		return error.getMessage().replaceAll(": .*", "").strip();
	}

}
