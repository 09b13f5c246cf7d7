package dev.phonehome.cli;

import picocli.CommandLine.Option;

/**
 * {@code --home DIR}, accepted by every command. It is read before Spring starts (see {@link HomeArgument});
 * declaring it here documents and validates it.
 */
public class HomeOption {

	@Option(names = "--home", paramLabel = "DIR", defaultValue = HomeArgument.DEFAULT,
			description = "home directory: embedded store, archive of nights, work area (default: ${DEFAULT-VALUE})")
	String home;

	// read before start-up by HomeArgument.applyLogFormat; declared here so every command documents and accepts it
	@Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
			description = "log lines on stderr as text (default) or json (one ECS object per line)")
	String logFormat;

}
