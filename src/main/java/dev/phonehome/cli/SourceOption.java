package dev.phonehome.cli;

import java.util.Locale;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --source URI}: read the installation straight from its MongoDB instead of the embedded store. Like
 * {@code --home} it is read before Spring starts (see {@link SourceArgument}); declaring it here documents it and
 * refuses what is not a MongoDB connection string (a usage error, before anything runs).
 */
public class SourceOption {

	@Option(names = "--source", paramLabel = "URI", converter = MongoUri.class,
			description = { "read the installation from MongoDB, e.g. mongodb://user:pw@host:27017/codestream",
					"(default: phonehome.source.mongodb-uri if set, else the embedded store)" })
	String uri;

	static boolean isMongoUri(String uri) {
		String lower = uri.strip().toLowerCase(Locale.ROOT);
		return lower.startsWith("mongodb://") || lower.startsWith("mongodb+srv://");
	}

	static class MongoUri implements ITypeConverter<String> {

		@Override
		public String convert(String value) {
			if (!isMongoUri(value)) {
				// never echo the value: it may hold a password
				throw new TypeConversionException("--source takes a MongoDB connection string "
						+ "(mongodb://host:port/database or mongodb+srv://...)");
			}
			return value;
		}

	}

}
