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
 * @param configLocation the services config: its file (or the path beside which {@code mongo.url} says where in
 * MongoDB it is), or a MongoDB URI that holds no secret ({@code settings.ConfigLocation#recorded()})
 * @param outDirectory where the artefacts go; {@code null} for the archive under the home directory
 * @param rerunNumber for a rerun, which one of the night it is (1, 2, ...); 0 otherwise
 * @param previousSha256 for a rerun, the payload SHA-256 of the night's last completed run; else {@code null}
 */
public record NightParameters(LocalDate night, RunMode mode, String configLocation, Path versionsFile, Path outDirectory,
		long requestedAt, long rerunNumber, String previousSha256) {

	/** A night's normal run: nightly (no date given) or manual, or a dry run. */
	public static NightParameters of(LocalDate night, RunMode mode, String configLocation, Path versionsFile,
			Path outDirectory, long requestedAt) {
		return new NightParameters(night, mode, configLocation, versionsFile, outDirectory, requestedAt, 0, null);
	}

	public static final String RUN_MODE = "run.mode";

	public static final String CONFIG_FILE = "config.file";

	public static final String VERSIONS_FILE = "versions.file";

	public static final String OUT_DIRECTORY = "out.dir";

	public static final String DRY_RUN_REQUESTED_AT = "dry-run.requested-at";

	/** Identifying for reruns only: the n-th deliberate rerun of a completed night is an instance of its own. */
	public static final String RERUN = "run.rerun";

	public static final String RERUN_PREVIOUS_SHA256 = "rerun.previous-sha256";

	public JobParameters toJobParameters() {
		JobParametersBuilder builder = new JobParametersBuilder()
			.addLocalDate(NightContext.RUN_DATE, night, true)
			.addString(RUN_MODE, mode.name(), false)
			.addString(CONFIG_FILE, configLocation, false)
			.addString(VERSIONS_FILE, versionsFile.toAbsolutePath().toString(), false);
		if (outDirectory != null) {
			builder.addString(OUT_DIRECTORY, outDirectory.toAbsolutePath().toString(), false);
		}
		if (mode == RunMode.DRY_RUN) {
			builder.addLong(DRY_RUN_REQUESTED_AT, requestedAt, true);
		}
		if (mode == RunMode.RERUN) {
			builder.addLong(RERUN, rerunNumber, true);
			builder.addString(RERUN_PREVIOUS_SHA256, previousSha256 == null ? "" : previousSha256, false);
		}
		return builder.toJobParameters();
	}

}
