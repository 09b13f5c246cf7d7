package dev.phonehome.cli;

import java.util.Locale;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --source URI}: read the installation straight from its MongoDB instead of the embedded store. Like
 * {@code --home} it is read before Spring starts (see {@link SourceArgument}); declaring it here documents it and
 * refuses what is not a MongoDB connection string (a usage error, before anything runs).
 */
public class SourceOption {

	@Spec(Spec.Target.MIXEE)
	CommandSpec spec;

	String uri;

	@Option(names = "--source", paramLabel = "URI",
			description = { "read the installation from MongoDB, e.g. mongodb://user:pw@host:27017/codestream",
					"(default: the embedded store, or phonehome.source.mongodb-uri)" })
	void setUri(String uri) {
		if (!isMongoUri(uri)) {
			throw new ParameterException(spec.commandLine(),
					"--source takes a MongoDB connection string (mongodb://host:port/database or mongodb+srv://...)");
		}
		this.uri = uri;
	}

	static boolean isMongoUri(String uri) {
		String lower = uri.strip().toLowerCase(Locale.ROOT);
		return lower.startsWith("mongodb://") || lower.startsWith("mongodb+srv://");
	}

}
