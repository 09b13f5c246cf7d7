package dev.phonehome.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;

/**
 * Reads a services config kept in MongoDB (the Admin App era, shared/notes/codestream-reference.md §3.8): the
 * single document of {@value #SELECTED} names, by its {@code serialNumber}, the active document of {@value #CONFIGS};
 * that document's {@code configData} is read exactly like the file, and its {@code _id} and {@code revision} go with
 * the night. Two reads, nothing written.
 */
final class MongoConfigReader {

	static final String CONFIGS = "structuredConfiguration";

	static final String SELECTED = "structuredConfigurationSelected";

	private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

	private MongoConfigReader() {
	}

	static ServicesConfig read(ConfigLocation.Mongo location, MongoOptions options, Map<String, String> environment,
			List<CommandListener> listeners) {
		MongoConnection connection = MongoConnection.of(location.uri(), options, environment);
		String where = "MongoDB " + location.where(connection);
		if (connection.database() == null) {
			throw new ConfigException(where + ": the URI names no database; add it after the host, e.g. "
					+ "mongodb://localhost/codestream");
		}
		var settings = connection.settings().applicationName("phonehome");
		listeners.forEach(settings::addCommandListener);
		try (MongoClient client = MongoClients.create(settings.build())) {
			MongoDatabase database = client.getDatabase(connection.database());
			BsonValue serialNumber = selectedSerialNumber(database, where);
			BsonDocument active = database.getCollection(CONFIGS, BsonDocument.class)
				.find(Filters.eq("_id", serialNumber))
				.first();
			String serial = text(serialNumber);
			if (active == null) {
				throw new ConfigException(where + ": " + SELECTED + " points to " + CONFIGS + " " + serial
						+ ", which does not exist. Activate an existing config (Admin App, or the installer's "
						+ "--cfg-tool), then run again.");
			}
			ConfigOrigin origin = new ConfigOrigin(location.where(connection), serial, revision(active));
			BsonValue configData = active.get("configData");
			if (configData == null || !configData.isDocument()) {
				throw new ConfigException(origin + ": the document has no configData object, so it holds no config. "
						+ "Activate another revision, then run again.");
			}
			return ServicesConfigReader.fromDocument(origin, configData.asDocument().toJson(RELAXED), environment);
		}
		catch (MongoException ex) {
			throw new ConfigException(where + ": cannot read the config: " + connection.explain(ex));
		}
	}

	private static BsonValue selectedSerialNumber(MongoDatabase database, String where) {
		List<BsonDocument> selected = database.getCollection(SELECTED, BsonDocument.class)
			.find()
			.limit(2)
			.into(new ArrayList<>());
		if (selected.isEmpty()) {
			throw new ConfigException(where + ": " + SELECTED + " holds no document, so no config is active "
					+ "(or this is not the installation's database). Activate a config, or point --config at the "
					+ "services config file.");
		}
		if (selected.size() > 1) {
			throw new ConfigException(where + ": " + SELECTED + " holds more than one document; the server expects "
					+ "exactly one, naming the active config. Remove the extra ones, then run again.");
		}
		BsonValue serialNumber = selected.get(0).get("serialNumber");
		if (serialNumber == null || serialNumber.isNull()) {
			throw new ConfigException(where + ": the document of " + SELECTED + " has no serialNumber, so no config "
					+ "is active. Activate a config, then run again.");
		}
		return serialNumber;
	}

	private static Long revision(BsonDocument active) {
		BsonValue revision = active.get("revision");
		return revision != null && revision.isNumber() ? revision.asNumber().longValue() : null;
	}

	/** An ObjectId as its hex string, anything else as it reads in JSON. */
	private static String text(BsonValue value) {
		if (value.isObjectId()) {
			return value.asObjectId().getValue().toHexString();
		}
		return value.isString() ? value.asString().getValue() : new BsonDocument("v", value).toJson(RELAXED);
	}

}
