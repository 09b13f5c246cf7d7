package dev.phonehome.job;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A night asked for, as the operator said it.
 *
 * @param date the night; {@code null} for yesterday in UTC (what the nightly schedule wants)
 * @param config {@code --config} as given (a file, or a MongoDB URI); {@code null} for the default path
 * @param source {@code --source} as given; {@code null} when not given (it was decided when phonehome started)
 * @param versionsFile where the release is read; {@code null} for {@code container-versions} beside the config
 * @param outDirectory where the artefacts go; {@code null} for the archive under the home directory
 * @param allowStaleStore run even though the store was imported before the night (the record and audit say so)
 */
public record NightRequest(LocalDate date, boolean dryRun, boolean rerun, String config, String source,
		Path versionsFile, Path outDirectory, boolean allowInsecureHttp, boolean allowStaleStore) {

	public NightRequest(LocalDate date, boolean dryRun, boolean rerun, String config, String source,
			Path versionsFile, Path outDirectory, boolean allowInsecureHttp) {
		this(date, dryRun, rerun, config, source, versionsFile, outDirectory, allowInsecureHttp, false);
	}

}
