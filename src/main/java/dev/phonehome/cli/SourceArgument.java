package dev.phonehome.cli;

import dev.phonehome.source.SourceSelection;

/**
 * Finds {@code --source} and {@code --config} among the raw arguments before Spring starts: the source
 * (decided from them, the property {@value SourceSelection#SOURCE} and the config's {@code storage.mongo.url},
 * see {@link SourceSelection}) decides which reader beans the context holds. They become the properties
 * {@value SourceSelection#SOURCE_FLAG} and {@value SourceSelection#CONFIG_FLAG}; {@link SourceOption} and
 * {@code RunCommand} declare and check the same options to picocli.
 */
public final class SourceArgument {

	private SourceArgument() {
	}

	public static void apply(String[] args) {
		String source = HomeArgument.lastValue(args, "--source");
		if (source != null && (SourceOption.isMongoUri(source) || SourceOption.isEmbedded(source))) {
			System.setProperty(SourceSelection.SOURCE_FLAG, source);
		}
		String config = HomeArgument.lastValue(args, "--config");
		if (config != null) {
			System.setProperty(SourceSelection.CONFIG_FLAG, config);
		}
	}

}
