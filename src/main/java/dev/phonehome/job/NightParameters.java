package dev.phonehome.job;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import dev.phonehome.source.NightContext;

/**
 * The job parameters of one execution of {@code phoneHomeJob}. The night ({@code run.date}) is the only
 * identifying parameter of a real run, so a night completes once; a dry run adds its request time, so each dry
 * run is an instance of its own and never counts as (or blocks) the night's run. Paths only: never a secret,
 * never an address.
 *
 * @param outDirectory where the artefacts go; {@code null} for the archive under the home directory
 */
public record NightParameters(LocalDate night, RunMode mode, Path configFile, Path versionsFile, Path outDirectory,
		long requestedAt) {

	public static final String RUN_MODE = "run.mode";

	public static final String CONFIG_FILE = "config.file";

	public static final String VERSIONS_FILE = "versions.file";

	public static final String OUT_DIRECTORY = "out.dir";

	public static final String DRY_RUN_REQUESTED_AT = "dry-run.requested-at";

	public JobParameters toJobParameters() {
		JobParametersBuilder builder = new JobParametersBuilder()
			.addLocalDate(NightContext.RUN_DATE, night, true)
			.addString(RUN_MODE, mode.name(), false)
			.addString(CONFIG_FILE, configFile.toAbsolutePath().toString(), false)
			.addString(VERSIONS_FILE, versionsFile.toAbsolutePath().toString(), false);
		if (outDirectory != null) {
			builder.addString(OUT_DIRECTORY, outDirectory.toAbsolutePath().toString(), false);
		}
		if (mode == RunMode.DRY_RUN) {
			builder.addLong(DRY_RUN_REQUESTED_AT, requestedAt, true);
		}
		return builder.toJobParameters();
	}

}
