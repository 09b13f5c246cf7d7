package dev.phonehome.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the services config. The file is edited by hand, so a syntax error is reported with file, line, column
 * and a hint, and a trailing comma (left behind when a section is deleted, as the product's docs warn) is
 * accepted with a warning. Values are never echoed, not even through a library's message: the file holds secrets.
 */
public final class ServicesConfigReader {

	private static final JsonMapper STRICT = JsonMapper.builder().build();

	private static final JsonMapper LENIENT = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
		.build();

	private ServicesConfigReader() {
	}

	/** The environment variables that may hold the key instead of the config (checked first). */
	public static final String KEY_VARIABLE = "PHONEHOME_KEY";

	public static final String KEY_FILE_VARIABLE = "PHONEHOME_KEY_FILE";

	/** The key that names the installation's MongoDB (the live source). */
	public static final String STORAGE_URL = "storage.mongo.url";

	public static ServicesConfig read(Path file) {
		return read(file, System.getenv());
	}

	public static ServicesConfig read(Path file, Map<String, String> environment) {
		byte[] bytes = readBytes(file);
		List<String> warnings = new ArrayList<>();
		JsonNode root;
		try {
			root = STRICT.readTree(bytes);
		}
		catch (JacksonException strictFailure) {
			root = readLeniently(file, bytes);
			warnings.add(where(file, strictFailure.getLocation())
					+ ": trailing comma accepted; remove it, the server's own config loader may not accept it");
		}
		ServicesConfig config = fromTree(ConfigOrigin.file(file), root, warnings, environment);
		if (config.phoneHomeKey() != null && config.phoneHomeKey().source().endsWith(".telemetry")) {
			SecretFiles.refuseIfReadableByOthers(file, "the services config", "the phone-home key");
		}
		return config;
	}

	/**
	 * The {@code configData} of a {@code structuredConfiguration} document, as JSON: read with exactly the file's
	 * rules (same keys, same defaults, same errors), only the origin differs.
	 */
	public static ServicesConfig fromDocument(ConfigOrigin origin, String configDataJson,
			Map<String, String> environment) {
		JsonNode root;
		try {
			root = STRICT.readTree(configDataJson);
		}
		catch (JacksonException ex) {
			throw new ConfigException(origin + ": configData is not a JSON document");
		}
		return fromTree(origin, root, List.of(), environment);
	}

	private static ServicesConfig fromTree(ConfigOrigin origin, JsonNode root, List<String> warnings,
			Map<String, String> environment) {
		if (root == null || !root.isObject()) {
			throw new ConfigException(origin + ": expected a JSON object at the top level");
		}
		ConfigNode config = new ConfigNode(origin, root);
		String installationId = config.string("sharedGeneral.installationId");
		if (installationId == null || installationId.isBlank()) {
			throw new ConfigException(origin + ": sharedGeneral.installationId is missing: the night cannot be "
					+ "identified without it. Set it to the installation's id (the UUID the installer wrote, "
					+ "also in ~/.codestream/.UUID).");
		}
		PhoneHomeKey key = phoneHomeKey(config, environment);
		return new ServicesConfig(origin, installationId, config.bool("apiServer.disablePhoneHome"),
				config.string("apiServer.phoneHomeUrl"), key, !config.bool("email.suppressEmails"),
				slackInteractiveComponents(config), eventTelemetry(config), blankAsNull(config.string(STORAGE_URL)),
				blankAsNull(config.string("storage.mongo.tlsCAFile")), warnings);
	}

	private static String blankAsNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static byte[] readBytes(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (NoSuchFileException ex) {
			throw new ConfigException(file + ": services config not found; pass its path with --config FILE "
					+ "(default " + ServicesConfig.DEFAULT_LOCATION + ")");
		}
		catch (IOException ex) {
			throw new ConfigException(file + ": cannot read the services config (" + ex.getClass().getSimpleName()
					+ "); check that it is a file the phonehome user may read");
		}
	}

	/**
	 * A syntax error is reported in our own words, by file, line and column: Jackson's message quotes the token it
	 * could not read, and when the key is what is malformed, that token is the key.
	 */
	private static JsonNode readLeniently(Path file, byte[] bytes) {
		try {
			return LENIENT.readTree(bytes);
		}
		catch (JacksonException ex) {
			String jackson = String.valueOf(ex.getOriginalMessage());
			throw new ConfigException(where(file, ex.getLocation()) + ": syntax error: " + SyntaxError.of(jackson)
					+ "\n  hint: " + hint(jackson));
		}
	}

	private static String hint(String message) {
		if (message.contains("end-of-input")) {
			return "the file ends too early: a closing '}' or ']' is missing";
		}
		if (message.contains("was expecting double-quote") || message.contains("was expecting comma")) {
			return "a comma between two entries, or a quote around a key, is missing on this line or the one before";
		}
		return "look for a missing or extra comma, quote, brace or bracket on this line or the one before; "
				+ "JSON allows no comments";
	}

	/** What kind of syntax error Jackson found, in words that quote nothing from the file. */
	private enum SyntaxError {

		END("end-of-input", "the file ends before the JSON is complete"),
		UNQUOTED_KEY("was expecting double-quote to start field name",
				"a key without double quotes, or a comma too many before a closing brace"),
		MISSING_COMMA("was expecting comma", "a comma is missing between two entries"),
		MISSING_COLON("was expecting a colon", "a colon is missing between a key and its value"),
		CONTROL_CHARACTER("Illegal unquoted character",
				"a control character (such as a line break or a tab) inside a string; write it as \\n or \\t"),
		BAD_ESCAPE("Unrecognized character escape", "a backslash escape that JSON does not know, inside a string"),
		NOT_UTF8("Invalid UTF-8", "bytes that are not UTF-8 text"),
		BAD_TOKEN("Unrecognized token",
				"a value that is not JSON (a string without double quotes, or a misspelt true, false or null)"),
		UNEXPECTED("Unexpected character", "a character that does not belong here");

		private final String jacksonSays;

		private final String weSay;

		SyntaxError(String jacksonSays, String weSay) {
			this.jacksonSays = jacksonSays;
			this.weSay = weSay;
		}

		static String of(String jacksonMessage) {
			for (SyntaxError error : values()) {
				if (jacksonMessage.contains(error.jacksonSays)) {
					return error.weSay;
				}
			}
			return "this is not valid JSON";
		}

	}

	private static String where(Path file, TokenStreamLocation location) {
		return location == null ? file.toString()
				: file + ":" + location.getLineNr() + ":" + location.getColumnNr();
	}

	/**
	 * The key: from {@code PHONEHOME_KEY}, else the file named by {@code PHONEHOME_KEY_FILE}, else the config's
	 * {@code universalSecrets.telemetry}, else its older home {@code sharedSecrets.telemetry}. Each is trimmed and
	 * checked as it is read ({@link PhoneHomeKey#read}); a blank one counts as unset.
	 */
	private static PhoneHomeKey phoneHomeKey(ConfigNode config, Map<String, String> environment) {
		PhoneHomeKey fromVariable = PhoneHomeKey.read("environment", KEY_VARIABLE, environment.get(KEY_VARIABLE));
		if (fromVariable != null) {
			return new PhoneHomeKey("environment " + KEY_VARIABLE, fromVariable.reveal());
		}
		String keyFile = environment.get(KEY_FILE_VARIABLE);
		if (keyFile != null && !keyFile.isBlank()) {
			Path path = Path.of(keyFile);
			SecretFiles.refuseIfReadableByOthers(path, "the key file (" + KEY_FILE_VARIABLE + ")",
					"the phone-home key");
			try {
				return PhoneHomeKey.read(path.toString(), "key file " + path, Files.readString(path));
			}
			catch (IOException ex) {
				throw new ConfigException(path + ": cannot read the key file named by " + KEY_FILE_VARIABLE + " ("
						+ ex.getClass().getSimpleName() + ")");
			}
		}
		for (String key : List.of("universalSecrets.telemetry", "sharedSecrets.telemetry")) {
			PhoneHomeKey found = PhoneHomeKey.read(config.origin().toString(), key, config.string(key));
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private static boolean slackInteractiveComponents(ConfigNode config) {
		JsonNode slack = config.node("integrations.slack");
		if (slack == null || !slack.isObject()) {
			return false;
		}
		for (var appProvider : slack.properties()) {
			JsonNode block = appProvider.getValue();
			if (block.isObject() && !block.path("disabled").asBoolean(false)
					&& block.path("interactiveComponentsEnabled").asBoolean(false)) {
				return true;
			}
		}
		return false;
	}

	private static boolean eventTelemetry(ConfigNode config) {
		JsonNode token = config.node("telemetry.segment.token");
		boolean hasToken = token != null && token.isString() && !token.asString().isEmpty();
		return hasToken && !config.bool("telemetry.disabled");
	}

	/** Typed reads by dotted path that name the key (never the value) when its type is wrong. */
	private record ConfigNode(ConfigOrigin origin, JsonNode root) {

		JsonNode node(String path) {
			JsonNode current = root;
			for (String part : path.split("\\.")) {
				if (current == null || !current.isObject()) {
					return null;
				}
				current = current.get(part);
			}
			return (current == null || current.isNull()) ? null : current;
		}

		String string(String path) {
			JsonNode value = node(path);
			if (value == null) {
				return null;
			}
			if (!value.isString()) {
				throw new ConfigException(origin + ": " + path + " must be a string");
			}
			return value.asString();
		}

		boolean bool(String path) {
			JsonNode value = node(path);
			if (value == null) {
				return false;
			}
			if (!value.isBoolean()) {
				throw new ConfigException(origin + ": " + path + " must be true or false");
			}
			return value.asBoolean();
		}

	}

}
