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
 * <p>
 * The email rule is the schema's own root {@code if}/{@code then}: when some company of the payload matches
 * {@code companyOnAPaidOrUnknownPlan}, every user must match {@code redactedUser}. Streamed, that is: each company
 * is also checked against that definition (in full: its {@code enum} looks at the value), and the users, which
 * come after the companies, are then checked against {@code redactedUser}. So a payload is refused whatever the
 * job decided, and any validator reading the schema whole refuses the same payloads.
 */
public final class PayloadContract {

	public static final String SCHEMA_RESOURCE = "jobs/phone-home/payload.schema.json";

	private static final int MAX_REPORTED = 20;

	private static final String REDACTED_USER = "redactedUser";

	/** The email rule's condition, per company (the schema's root {@code if}). */
	private static final String PAID_PLAN_COMPANY = "companyOnAPaidOrUnknownPlan";

	/** Distinct item shapes remembered per section; a valid payload has a few dozen. */
	private static final int MAX_SHAPES = 4096;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final Schema envelope;

	private final Map<PayloadSection, Schema> items = new EnumMap<>(PayloadSection.class);

	private final Schema redactedUser;

	private final Schema paidPlanCompany;

	private final List<String> fieldOrder = new ArrayList<>();

	/** Per item definition: whether its verdict depends on no more than the item's shape. */
	private final Map<String, Boolean> shapeCacheable = new HashMap<>();

	public PayloadContract() {
		ObjectNode root = (ObjectNode) readSchema();
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
		this.envelope = registry.getSchema(root);
		for (PayloadSection section : PayloadSection.values()) {
			items.put(section, registry.getSchema(definition(root, section.itemDefinition())));
		}
		this.redactedUser = registry.getSchema(definition(root, REDACTED_USER));
		this.paidPlanCompany = registry.getSchema(definition(root, PAID_PLAN_COMPANY));
		root.get("required").forEach(name -> fieldOrder.add(name.asString()));
		JsonNode defs = root.get("$defs");
		for (PayloadSection section : PayloadSection.values()) {
			shapeCacheable.put(section.itemDefinition(), decidesOnShape(defs.get(section.itemDefinition()), defs));
		}
		shapeCacheable.put(REDACTED_USER, decidesOnShape(defs.get(REDACTED_USER), defs));
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
		boolean[] paidPlan = { !emailsIncluded };
		String[] paidCompany = { null };
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
					validateItems(parser, section, paidPlan, paidCompany, violations);
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
		if (emailsIncluded && paidCompany[0] != null && !violations.isEmpty()) {
			// the guard on the email decision: say first, in words, what the schema's messages below amount to
			violations.add(0, "the night decided to include emails, but company " + paidCompany[0]
					+ " of this payload is on a paid or unknown plan, so no user may carry an email: the decision "
					+ "does not hold for the payload actually written");
		}
		if (!violations.isEmpty()) {
			throw new PayloadContractException(violations);
		}
	}

	/**
	 * One section's items. {@code paidPlan[0]}: the users must be redacted, because the night decided so or a
	 * company already read is on a paid or unknown plan (set here while reading the companies, with that company's
	 * id in {@code paidCompany[0]}).
	 */
	private void validateItems(JsonParser parser, PayloadSection section, boolean[] paidPlan, String[] paidCompany,
			List<String> violations) {
		boolean redacted = section == PayloadSection.USERS && paidPlan[0];
		Schema schema = redacted ? redactedUser : items.get(section);
		boolean cacheable = shapeCacheable.get(redacted ? REDACTED_USER : section.itemDefinition());
		Map<String, List<String>> verdicts = new HashMap<>();
		int index = 0;
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			JsonNode item = parser.readValueAsTree();
			if (section == PayloadSection.COMPANIES && !paidPlan[0] && paidPlanCompany.validate(item).isEmpty()) {
				paidPlan[0] = true;
				paidCompany[0] = item.path("id").asString("(no id)");
			}
			if (violations.size() < MAX_REPORTED) {
				String prefix = "/" + section.key() + "/" + index;
				for (String message : verdict(schema, cacheable, item, verdicts)) {
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
	private List<String> verdict(Schema schema, boolean cacheable, JsonNode item,
			Map<String, List<String>> verdicts) {
		String shape = cacheable ? ItemShape.of(item) : null;
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

	/**
	 * Whether every keyword of the schema, and of the definitions it refers to, decides on no more than an item's
	 * shape (else: no shortcut).
	 */
	private static boolean decidesOnShape(JsonNode schema, JsonNode defs) {
		if (schema.isArray()) {
			for (JsonNode element : schema) {
				if (!decidesOnShape(element, defs)) {
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
			if (name.equals("$ref")) {
				// the contract's references are all to its own definitions, which hold no cycle
				String target = value.asString();
				JsonNode referred = target.startsWith(DEFS) ? defs.get(target.substring(DEFS.length())) : null;
				if (referred == null || !decidesOnShape(referred, defs)) {
					return false;
				}
			}
			else if (name.equals("properties")) {
				// names of properties, each mapped to a schema
				for (JsonNode subschema : value) {
					if (!decidesOnShape(subschema, defs)) {
						return false;
					}
				}
			}
			else if (value.isContainer() && !name.equals("required") && !name.equals("type")
					&& !decidesOnShape(value, defs)) {
				return false;
			}
		}
		return true;
	}

	private static final String DEFS = "#/$defs/";

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
