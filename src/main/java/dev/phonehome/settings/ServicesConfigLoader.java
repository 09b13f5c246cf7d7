package dev.phonehome.settings;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.mongodb.event.CommandListener;

/**
 * Reads the installation's services config wherever it is kept ({@link ConfigLocation}): a file, or the active
 * document in MongoDB. Both give the same {@link ServicesConfig} for the same settings, with the same rules and
 * errors; only {@link ServicesConfig#origin()} says which. The key may come from the environment
 * ({@code PHONEHOME_KEY}, {@code PHONEHOME_KEY_FILE}), so does a MongoDB password.
 */
@Component
public class ServicesConfigLoader {

	private final MongoOptions options;

	private final List<CommandListener> listeners;

	ServicesConfigLoader(MongoOptions options, ObjectProvider<CommandListener> listeners) {
		this.options = options;
		this.listeners = listeners.orderedStream().toList();
	}

	/** The config at a location as {@code --config} (or the job's parameter) gives it. */
	public ServicesConfig read(String location) {
		return read(ConfigLocation.of(location), options, System.getenv(), listeners);
	}

	public static ServicesConfig read(ConfigLocation location, MongoOptions options, Map<String, String> environment,
			List<CommandListener> listeners) {
		if (location instanceof ConfigLocation.Mongo mongo) {
			return MongoConfigReader.read(mongo, options, environment, listeners);
		}
		return ServicesConfigReader.read(((ConfigLocation.File) location).file(), environment);
	}

}
