package dev.phonehome.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the services config. The file is edited by hand, so a syntax error is reported with file, line, column
 * and a hint, and a trailing comma (left behind when a section is deleted, as the product's docs warn) is
 * accepted with a warning. Values are never echoed: the file holds secrets.
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

	public static ServicesConfig read(Path file) {
		return read(file, System.getenv());
	}

	public static ServicesConfig read(Path file, java.util.Map<String, String> environment) {
		byte[] bytes = readBytes(file);
		List<String> warnings = new ArrayList<>();
		JsonNode root;
		try {
			root = STRICT.readTree(bytes);
		}
		catch (JacksonException strictFailure) {
			root = readLeniently(file, bytes, strictFailure);
			warnings.add(where(file, strictFailure.getLocation())
					+ ": trailing comma accepted; remove it, the server's own config loader may not accept it");
		}
		if (root == null || !root.isObject()) {
			throw new ConfigException(file + ": expected a JSON object at the top level");
		}
		ConfigNode config = new ConfigNode(file, root);
		String installationId = config.string("sharedGeneral.installationId");
		if (installationId == null || installationId.isBlank()) {
			throw new ConfigException(file + ": sharedGeneral.installationId is missing: the night cannot be "
					+ "identified without it. Set it to the installation's id (the UUID the installer wrote, "
					+ "also in ~/.codestream/.UUID).");
		}
		PhoneHomeKey key = phoneHomeKey(config, environment);
		if (key != null && key.source().endsWith(".telemetry")) {
			SecretFiles.refuseIfReadableByOthers(file, "the services config");
		}
		return new ServicesConfig(file, installationId, config.bool("apiServer.disablePhoneHome"),
				config.string("apiServer.phoneHomeUrl"), key, !config.bool("email.suppressEmails"),
				slackInteractiveComponents(config), eventTelemetry(config), warnings);
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
			throw new ConfigException(file + ": cannot read the services config: " + ex.getMessage(), ex);
		}
	}

	private static JsonNode readLeniently(Path file, byte[] bytes, JacksonException strictFailure) {
		try {
			return LENIENT.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw new ConfigException(where(file, strictFailure.getLocation()) + ": syntax error: "
					+ strictFailure.getOriginalMessage().lines().findFirst().orElse("") + "\n  hint: "
					+ hint(strictFailure.getOriginalMessage()), ex);
		}
	}

	private static String hint(String message) {
		if (message.contains("Unexpected end-of-input")) {
			return "the file ends too early: a closing '}' or ']' is missing";
		}
		if (message.contains("was expecting double-quote") || message.contains("was expecting comma")) {
			return "a comma between two entries, or a quote around a key, is missing on this line or the one before";
		}
		return "look for a missing or extra comma, quote, brace or bracket on this line or the one before; "
				+ "JSON allows no comments";
	}

	private static String where(Path file, TokenStreamLocation location) {
		return location == null ? file.toString()
				: file + ":" + location.getLineNr() + ":" + location.getColumnNr();
	}

	/**
	 * The key: from {@code PHONEHOME_KEY}, else the file named by {@code PHONEHOME_KEY_FILE}, else the config's
	 * {@code universalSecrets.telemetry}, else its older home {@code sharedSecrets.telemetry}.
	 */
	private static PhoneHomeKey phoneHomeKey(ConfigNode config, java.util.Map<String, String> environment) {
		String fromVariable = environment.get(KEY_VARIABLE);
		if (fromVariable != null && !fromVariable.isBlank()) {
			return new PhoneHomeKey("environment " + KEY_VARIABLE, fromVariable.strip());
		}
		String keyFile = environment.get(KEY_FILE_VARIABLE);
		if (keyFile != null && !keyFile.isBlank()) {
			Path path = Path.of(keyFile);
			SecretFiles.refuseIfReadableByOthers(path, "the key file (" + KEY_FILE_VARIABLE + ")");
			try {
				return new PhoneHomeKey("key file " + path, Files.readString(path).strip());
			}
			catch (IOException ex) {
				throw new ConfigException(path + ": cannot read the key file named by " + KEY_FILE_VARIABLE + ": "
						+ ex.getMessage(), ex);
			}
		}
		for (String key : List.of("universalSecrets.telemetry", "sharedSecrets.telemetry")) {
			String value = config.string(key);
			if (value != null && !value.isEmpty()) {
				return new PhoneHomeKey(key, value);
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
	private record ConfigNode(Path file, JsonNode root) {

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
				throw new ConfigException(file + ": " + path + " must be a string");
			}
			return value.asString();
		}

		boolean bool(String path) {
			JsonNode value = node(path);
			if (value == null) {
				return false;
			}
			if (!value.isBoolean()) {
				throw new ConfigException(file + ": " + path + " must be true or false");
			}
			return value.asBoolean();
		}

	}

}
