package dev.phonehome.cli;

import java.util.Locale;

import dev.phonehome.source.SourceSelection;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --source URI|embedded}: read the installation straight from its MongoDB, or from the embedded store
 * (loaded by {@code import}) whatever the config says. Like {@code --home} it is read before Spring starts (see
 * {@link SourceArgument}); declaring it here documents it and refuses anything else (a usage error, before
 * anything runs).
 */
public class SourceOption {

	@Option(names = "--source", paramLabel = "URI|embedded", converter = SourceValue.class,
			description = { "where the night's data comes from: a MongoDB URI (mongodb://user@host:27017/codestream; "
					+ "the password may come from PHONEHOME_MONGODB_PASSWORD or PHONEHOME_MONGODB_PASSWORD_FILE), "
					+ "or 'embedded' for the store that 'import' loads",
					"(default: the property phonehome.source, else the services config's storage.mongo.url, "
							+ "else the embedded store)" })
	String source;

	static boolean isMongoUri(String uri) {
		String lower = uri.strip().toLowerCase(Locale.ROOT);
		return lower.startsWith("mongodb://") || lower.startsWith("mongodb+srv://");
	}

	static boolean isEmbedded(String value) {
		return value.strip().equalsIgnoreCase(SourceSelection.EMBEDDED);
	}

	static class SourceValue implements ITypeConverter<String> {

		@Override
		public String convert(String value) {
			if (!isMongoUri(value) && !isEmbedded(value)) {
				// never echo the value: it may hold a password
				throw new TypeConversionException("--source takes a MongoDB connection string "
						+ "(mongodb://host:port/database or mongodb+srv://...) or 'embedded'");
			}
			return value;
		}

	}

}
