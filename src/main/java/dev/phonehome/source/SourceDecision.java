package dev.phonehome.source;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import dev.phonehome.record.SourceKind;
import dev.phonehome.record.SourceOrigin;
import dev.phonehome.settings.SafeUrl;
import dev.phonehome.settings.ServicesConfig;

/**
 * Where the night's data comes from, decided once when phonehome starts (it chooses the reader beans) and
 * recorded with the night: {@code --source} (a MongoDB URI, or {@code embedded}) &gt; the property
 * {@value SourceSelection#SOURCE} &gt; the services config's {@code storage.mongo.url} &gt; the embedded store.
 * Its {@code toString} is {@link #describe()}: the URI it holds never shows but masked.
 *
 * @param kind the embedded store, or a live MongoDB
 * @param origin which of the four decided
 * @param from the origin in words ("--source", "storage.mongo.url of /x/codestream-services-config.json")
 * @param mongoUri the MongoDB connection string as given (it may hold the password); {@code null} for the store
 * @param safeUri the same, masked
 * @param database the database the URI names; {@code null} for the store, or when the URI is unusable
 * @param tlsCaFile {@code storage.mongo.tlsCAFile} when the URI came from the services config, else {@code null}
 * @param problem why the decided source cannot be used (an unusable URI or value); {@code null} when it can.
 * {@code run} refuses to start the night with it
 */
public record SourceDecision(SourceKind kind, SourceOrigin origin, String from, String mongoUri, String safeUri, String database,
		Path tlsCaFile, String problem) {

	/** The one sentence the record, the run summary, the history and the audit show. */
	public String describe() {
		if (kind == SourceKind.EMBEDDED) {
			return "embedded store (" + from + ")";
		}
		return "live MongoDB from " + from + " (" + safeUri + ")" + (database == null ? "" : ", database " + database);
	}

	/**
	 * Whether the services config a run reads says otherwise than the one read when the source was decided (it
	 * changed meanwhile, or could not be read then): the night must not read a source its config does not name.
	 */
	public Optional<String> conflictWith(ServicesConfig config) {
		if (origin == SourceOrigin.CONFIG && !Objects.equals(config.storageMongoUrl(), mongoUri)) {
			return Optional.of("the source was decided when phonehome started from " + from + ", but " + config.origin()
					+ " now names " + (config.storageMongoUrl() == null ? "no storage.mongo.url"
							: "storage.mongo.url " + SafeUrl.of(config.storageMongoUrl()))
					+ ". Run the command again (or choose with --source).");
		}
		if (origin == SourceOrigin.DEFAULT && config.storageMongoUrl() != null) {
			return Optional.of("the source was decided when phonehome started (" + from + "), but " + config.origin()
					+ " names storage.mongo.url " + SafeUrl.of(config.storageMongoUrl())
					+ ". Run the command again (or choose with --source).");
		}
		return Optional.empty();
	}

	/** Whether {@code --source VALUE} would have decided this source ({@code embedded}, or this very URI). */
	public boolean agreesWithFlag(String value) {
		String given = value.strip();
		return given.equalsIgnoreCase(SourceSelection.EMBEDDED) ? kind == SourceKind.EMBEDDED
				: kind == SourceKind.MONGODB && given.equals(mongoUri);
	}

	@Override
	public String toString() {
		return describe();
	}

}
