package dev.phonehome.home;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of phonehome itself (never of the installation, which come from the services config).
 *
 * @param home the home directory: the embedded store, the archive of nights and the work area
 * @param chunkSize items per chunk in every chunk-oriented step
 * @param fetchSize JDBC fetch size of the cursor readers
 */
@ConfigurationProperties("phonehome")
public record PhoneHomeProperties(@DefaultValue("./var") Path home, @DefaultValue("1000") int chunkSize,
		@DefaultValue("1000") int fetchSize) {

	public PhoneHomeProperties {
		if (chunkSize < 1) {
			throw new IllegalArgumentException("phonehome.chunk-size must be at least 1, was " + chunkSize);
		}
		home = home.toAbsolutePath().normalize();
	}

	/** Where each night's artefacts are archived: one folder per night and execution. */
	public Path nightsDirectory() {
		return home.resolve("nights");
	}

	/** Scratch space for the sections of a payload being assembled, one folder per job instance. */
	public Path workDirectory() {
		return home.resolve("work");
	}

}
