package dev.phonehome.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the installation keeps its services config, from {@code --config}: a file, or MongoDB. An installation of
 * the Admin App era keeps it in MongoDB and has a {@value #MONGO_URL_FILE} file (the installer's) beside the
 * services config path, holding the MongoDB URL; {@code --config mongodb://...} names the MongoDB directly.
 */
public sealed interface ConfigLocation {

	String MONGO_URL_FILE = "mongo.url";

	/** The location as the job's parameters record it: a path, or a URI that holds no secret. */
	String recorded();

	/** Where {@code container-versions} is looked for when {@code --versions-file} is not given. */
	Path versionsFile();

	/** {@code --config} as given; {@code null} means the default path. */
	static ConfigLocation of(String argument) {
		String given = argument == null || argument.isBlank() ? ServicesConfig.DEFAULT_LOCATION.toString()
				: argument.strip();
		String lower = given.toLowerCase(Locale.ROOT);
		if (lower.startsWith("mongodb://") || lower.startsWith("mongodb+srv://")) {
			if (!SafeUrl.holdsNoSecret(given)) {
				throw new ConfigException("--config " + SafeUrl.of(given) + ": a MongoDB URI given here is recorded "
						+ "with the night, so it must hold no password or secret option. Give the password in "
						+ MongoConnection.PASSWORD_VARIABLE + " or " + MongoConnection.PASSWORD_FILE_VARIABLE
						+ ", or put the URL in a " + MONGO_URL_FILE + " file (mode 600) beside the services config "
						+ "path and pass that path.");
			}
			return new Mongo(given, null);
		}
		Path file = Path.of(given).toAbsolutePath().normalize();
		Path urlFile = file.resolveSibling(MONGO_URL_FILE);
		if (Files.isRegularFile(urlFile)) {
			return new Mongo(readUrlFile(urlFile), file);
		}
		return new File(file);
	}

	private static String readUrlFile(Path urlFile) {
		String url;
		try {
			url = Files.readString(urlFile).strip();
		}
		catch (IOException ex) {
			throw new ConfigException(urlFile + ": cannot read the MongoDB URL of the config ("
					+ ex.getClass().getSimpleName() + ")");
		}
		if (url.isEmpty()) {
			throw new ConfigException(urlFile + ": empty; it should hold the MongoDB URL of the installation's config "
					+ "(e.g. mongodb://localhost/codestream)");
		}
		if (!SafeUrl.holdsNoSecret(url)) {
			SecretFiles.refuseIfReadableByOthers(urlFile, "the MongoDB URL of the config", "a MongoDB password");
		}
		return url;
	}

	/** The services config file. */
	record File(Path file) implements ConfigLocation {

		@Override
		public String recorded() {
			return file.toString();
		}

		@Override
		public Path versionsFile() {
			return InstallationVersion.besideConfig(file);
		}

	}

	/**
	 * The config in MongoDB.
	 *
	 * @param uri the MongoDB URL (may hold a password when it came from a {@code mongo.url} file)
	 * @param configPath the services config path whose {@code mongo.url} gave it; {@code null} for a URI given
	 * directly
	 */
	record Mongo(String uri, Path configPath) implements ConfigLocation {

		@Override
		public String recorded() {
			return configPath != null ? configPath.toString() : uri;
		}

		@Override
		public Path versionsFile() {
			return InstallationVersion.besideConfig(configPath != null ? configPath : ServicesConfig.DEFAULT_LOCATION);
		}

		/** How messages and the record name it: the URI masked, and the file it came from. */
		String where(MongoConnection connection) {
			return connection.safeUri() + (configPath == null ? "" : " (" + configPath.resolveSibling(MONGO_URL_FILE) + ")");
		}

		@Override
		public String toString() {
			return "Mongo[" + SafeUrl.of(uri) + ", " + configPath + "]";
		}

	}

}
