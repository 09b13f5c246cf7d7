package dev.phonehome.job;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A night asked for, as the operator said it.
 *
 * @param date the night; {@code null} for yesterday in UTC (what the nightly schedule wants)
 * @param versionsFile where the release is read; {@code null} for {@code container-versions} beside the config
 * @param outDirectory where the artefacts go; {@code null} for the archive under the home directory
 */
public record NightRequest(LocalDate date, boolean dryRun, boolean rerun, Path configFile, Path versionsFile,
		Path outDirectory, boolean allowInsecureHttp) {
}
