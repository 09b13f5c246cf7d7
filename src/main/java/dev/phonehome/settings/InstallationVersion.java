package dev.phonehome.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The on-prem release, from the {@code onPremVersion=} line the installer writes to {@code container-versions}
 * beside the services config. {@code "NA"} when the file or the line is missing (the contract's default).
 */
public final class InstallationVersion {

	public static final String UNKNOWN = "NA";

	private static final String KEY = "onPremVersion=";

	private InstallationVersion() {
	}

	/** The versions file that belongs to a services config: {@code container-versions} in the same folder. */
	public static Path besideConfig(Path configFile) {
		Path folder = configFile.toAbsolutePath().getParent();
		return folder.resolve("container-versions");
	}

	public static String read(Path versionsFile) {
		if (!Files.isRegularFile(versionsFile)) {
			return UNKNOWN;
		}
		try (var lines = Files.lines(versionsFile)) {
			return lines.map(String::strip)
				.filter(line -> line.startsWith(KEY))
				.map(line -> line.substring(KEY.length()).strip())
				.filter(version -> !version.isEmpty())
				.findFirst()
				.orElse(UNKNOWN);
		}
		catch (IOException ex) {
			throw new ConfigException(versionsFile + ": cannot read the versions file: " + ex.getMessage(), ex);
		}
	}

}
