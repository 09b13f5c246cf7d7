package dev.phonehome.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.type.AnnotatedTypeMetadata;

import dev.phonehome.record.SourceKind;
import dev.phonehome.record.SourceOrigin;
import dev.phonehome.settings.ConfigException;
import dev.phonehome.settings.ConfigLocation;
import dev.phonehome.settings.MongoConnection;
import dev.phonehome.settings.MongoOptions;
import dev.phonehome.settings.SafeUrl;
import dev.phonehome.settings.ServicesConfig;
import dev.phonehome.settings.ServicesConfigLoader;
import dev.phonehome.settings.ServicesConfigReader;

/**
 * Which source the night reads ({@link SourceDecision}), decided once while the context starts, before any bean
 * exists, because it chooses the reader beans: exactly one of the two source configurations is active, and both
 * declare the same bean names, so the job never knows which. The decision is taken from the environment (where
 * {@code PhoneHomeApplication} put {@code --source} and {@code --config}, found before Spring starts) and kept in
 * it, so the conditions and the {@link SourceDecision} bean see the same one.
 */
public final class SourceSelection {

	/** {@code embedded}, or a MongoDB connection string. */
	public static final String SOURCE = "phonehome.source";

	/** The old name of {@link #SOURCE}, still read (a URI only). */
	public static final String DEPRECATED_MONGODB_URI = "phonehome.source.mongodb-uri";

	/** {@code run --source}, as found among the arguments before Spring starts. */
	public static final String SOURCE_FLAG = "phonehome.cli.source";

	/** {@code run --config}, as found among the arguments before Spring starts. */
	public static final String CONFIG_FLAG = "phonehome.cli.config";

	public static final String EMBEDDED = "embedded";

	private static final String MEMO = "phonehomeSourceDecision";

	private SourceSelection() {
	}

	/** The decision for this environment: taken on the first call, the same one after. */
	public static SourceDecision decision(Environment environment) {
		if (!(environment instanceof ConfigurableEnvironment configurable)) {
			return decide(environment);
		}
		PropertySource<?> memo = configurable.getPropertySources().get(MEMO);
		if (memo != null) {
			return (SourceDecision) memo.getSource();
		}
		SourceDecision decision = decide(environment);
		configurable.getPropertySources().addLast(new PropertySource<>(MEMO, decision) {
			@Override
			public Object getProperty(String name) {
				return null; // holds the decision, offers no property
			}
		});
		return decision;
	}

	private static SourceDecision decide(Environment environment) {
		MongoOptions options = Binder.get(environment).bindOrCreate("phonehome.mongodb", MongoOptions.class);
		String config = environment.getProperty(CONFIG_FLAG);
		return decide(environment.getProperty(SOURCE_FLAG), environment.getProperty(SOURCE),
				environment.getProperty(DEPRECATED_MONGODB_URI), config, options, System.getenv());
	}

	/** The rule itself: flag &gt; property &gt; the config's {@code storage.mongo.url} &gt; the embedded store. */
	static SourceDecision decide(String flag, String property, String deprecatedProperty, String configArgument,
			MongoOptions options, Map<String, String> environment) {
		if (hasText(flag)) {
			return chosen(SourceOrigin.FLAG, "--source", flag, options, environment);
		}
		if (hasText(property)) {
			return chosen(SourceOrigin.PROPERTY, "the property " + SOURCE, property, options, environment);
		}
		if (hasText(deprecatedProperty)) {
			return chosen(SourceOrigin.PROPERTY, "the property " + DEPRECATED_MONGODB_URI
					+ " (deprecated: use " + SOURCE + ")", deprecatedProperty, options, environment);
		}
		String where = configArgument == null || configArgument.isBlank() ? ServicesConfig.DEFAULT_LOCATION.toString()
				: SafeUrl.of(configArgument.strip());
		ServicesConfig config;
		try {
			config = ServicesConfigLoader.read(ConfigLocation.of(configArgument), options, environment, List.of());
		}
		catch (ConfigException ex) {
			// run reads the config again before anything else and reports what is wrong with it
			return embedded(SourceOrigin.DEFAULT, "the services config " + where
					+ " could not be read when phonehome started", null);
		}
		if (config.storageMongoUrl() == null) {
			return embedded(SourceOrigin.DEFAULT,
					"no --source, no " + SOURCE + ", and " + config.origin() + " names no "
							+ ServicesConfigReader.STORAGE_URL, null);
		}
		return mongo(SourceOrigin.CONFIG, ServicesConfigReader.STORAGE_URL + " of " + config.origin(),
				config.storageMongoUrl(), options.withDefaultCaFile(caFile(config)), environment,
				caFile(config));
	}

	private static SourceDecision chosen(SourceOrigin origin, String from, String value, MongoOptions options,
			Map<String, String> environment) {
		String given = value.strip();
		if (given.equalsIgnoreCase(EMBEDDED)) {
			return embedded(origin, origin == SourceOrigin.FLAG ? "--source " + EMBEDDED
					: from.replace("the property ", "") + "=" + EMBEDDED, null);
		}
		String lower = given.toLowerCase(Locale.ROOT);
		if (!lower.startsWith("mongodb://") && !lower.startsWith("mongodb+srv://")) {
			return embedded(origin, from, from + " is " + SafeUrl.of(given) + ", which is neither '" + EMBEDDED
					+ "' nor a MongoDB connection string (mongodb://... or mongodb+srv://...)");
		}
		return mongo(origin, from, given, options, environment, null);
	}

	private static SourceDecision mongo(SourceOrigin origin, String from, String uri, MongoOptions options,
			Map<String, String> environment, Path tlsCaFile) {
		try {
			MongoConnection connection = MongoConnection.of(uri, options, environment);
			String problem = connection.database() == null ? "MongoDB " + connection.safeUri() + " (from " + from
					+ ") names no database; add it after the host, e.g. mongodb://host:27017/codestream" : null;
			return new SourceDecision(SourceKind.MONGODB, origin, from, uri, connection.safeUri(),
					connection.database(), tlsCaFile, problem);
		}
		catch (ConfigException ex) {
			return new SourceDecision(SourceKind.MONGODB, origin, from, uri, SafeUrl.of(uri), null, tlsCaFile,
					"the MongoDB of " + from + ": " + ex.getMessage());
		}
	}

	private static SourceDecision embedded(SourceOrigin origin, String from, String problem) {
		return new SourceDecision(SourceKind.EMBEDDED, origin, from, null, null, null, null, problem);
	}

	private static Path caFile(ServicesConfig config) {
		return config.storageMongoTlsCaFile() == null ? null : Path.of(config.storageMongoTlsCaFile());
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	/** Matches when the night reads a live MongoDB. */
	public static class MongoDb implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return decision(context.getEnvironment()).kind() == SourceKind.MONGODB;
		}

	}

	/** Matches when the night reads the embedded store. */
	public static class EmbeddedStore implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return decision(context.getEnvironment()).kind() == SourceKind.EMBEDDED;
		}

	}

}
