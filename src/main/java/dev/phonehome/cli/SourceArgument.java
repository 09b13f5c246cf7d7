package dev.phonehome.cli;

import dev.phonehome.source.SourceSelection;

/**
 * Finds {@code --source URI} (or {@code --source=URI}) among the raw arguments before Spring starts: the source
 * decides which reader beans the context holds. It becomes the property {@value SourceSelection#MONGODB_URI}; without
 * it, the property (production config) or else the embedded store applies. {@link SourceOption} declares the same
 * option to picocli.
 */
public final class SourceArgument {

	private SourceArgument() {
	}

	public static void apply(String[] args) {
		String source = HomeArgument.lastValue(args, "--source");
		if (source != null && SourceOption.isMongoUri(source)) {
			System.setProperty(SourceSelection.MONGODB_URI, source);
		}
	}

}
