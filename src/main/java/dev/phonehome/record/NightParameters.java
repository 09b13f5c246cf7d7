package dev.phonehome.record;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The job parameters of one execution of {@code phoneHomeJob}, and the only place that spells their names. The
 * night ({@code run.date}) is the only identifying parameter of a real run, so a night completes once; a dry run
 * adds its request time, so each dry run is an instance of its own and never counts as (or blocks) the night's
 * run; the n-th deliberate rerun adds its number. Paths only: never a secret, never an address.
 *
 * @param configLocation the services config: its file (or the path beside which {@code mongo.url} says where in
 * MongoDB it is), or a MongoDB URI that holds no secret
 * @param outDirectory where the artefacts go; {@code null} for the archive under the home directory
 * @param requestedAt when the run was asked for (identifying for dry runs only)
 * @param rerun for a rerun, which one of the night it is and the payload SHA-256 the night sent; else {@code null}
 * @param allowInsecureHttp {@code run --allow-insecure-http}: plain http to a host other than loopback
 * @param allowStaleStore {@code run --allow-stale-store}: read a store imported before the night (recorded as such)
 */
public record NightParameters(LocalDate night, RunMode mode, String configLocation, Path versionsFile, Path outDirectory,
		long requestedAt, NightRecord.Rerun rerun, boolean allowInsecureHttp, boolean allowStaleStore) {

	public NightParameters(LocalDate night, RunMode mode, String configLocation, Path versionsFile, Path outDirectory,
			long requestedAt, NightRecord.Rerun rerun, boolean allowInsecureHttp) {
		this(night, mode, configLocation, versionsFile, outDirectory, requestedAt, rerun, allowInsecureHttp, false);
	}

	private static final String RUN_DATE = "run.date";

	private static final String RUN_MODE = "run.mode";

	private static final String CONFIG_FILE = "config.file";

	private static final String VERSIONS_FILE = "versions.file";

	private static final String OUT_DIRECTORY = "out.dir";

	private static final String DRY_RUN_REQUESTED_AT = "dry-run.requested-at";

	private static final String RERUN = "run.rerun";

	private static final String RERUN_PREVIOUS_SHA256 = "rerun.previous-sha256";

	private static final String ALLOW_INSECURE_HTTP = "delivery.allow-insecure-http";

	private static final String ALLOW_STALE_STORE = "source.allow-stale-store";

	/** For step-scoped beans: {@code @Value(NightParameters.NIGHT)} injects the night as a {@code LocalDate}. */
	public static final String NIGHT = "#{jobParameters['" + RUN_DATE + "']}";

	public NightParameters {
		if ((mode == RunMode.RERUN) != (rerun != null)) {
			throw new IllegalArgumentException("a rerun, and only a rerun, has a rerun number");
		}
	}

	public JobParameters toJobParameters() {
		JobParametersBuilder builder = new JobParametersBuilder().addLocalDate(RUN_DATE, night, true)
			.addString(RUN_MODE, mode.name(), false)
			.addString(CONFIG_FILE, configLocation, false)
			.addString(VERSIONS_FILE, versionsFile.toAbsolutePath().toString(), false);
		if (outDirectory != null) {
			builder.addString(OUT_DIRECTORY, outDirectory.toAbsolutePath().toString(), false);
		}
		if (mode == RunMode.DRY_RUN) {
			builder.addLong(DRY_RUN_REQUESTED_AT, requestedAt, true);
		}
		if (rerun != null) {
			builder.addLong(RERUN, rerun.number(), true);
			builder.addString(RERUN_PREVIOUS_SHA256, rerun.previousSha256() == null ? "" : rerun.previousSha256(),
					false);
		}
		if (allowInsecureHttp) {
			builder.addString(ALLOW_INSECURE_HTTP, "true", false);
		}
		if (allowStaleStore) {
			builder.addString(ALLOW_STALE_STORE, "true", false);
		}
		return builder.toJobParameters();
	}

	public static NightParameters of(JobParameters parameters) {
		String mode = parameters.getString(RUN_MODE);
		Long rerun = parameters.getLong(RERUN);
		String out = parameters.getString(OUT_DIRECTORY);
		Long requestedAt = parameters.getLong(DRY_RUN_REQUESTED_AT);
		return new NightParameters(parameters.getLocalDate(RUN_DATE),
				mode == null ? RunMode.MANUAL : RunMode.valueOf(mode), parameters.getString(CONFIG_FILE),
				Path.of(parameters.getString(VERSIONS_FILE)), out == null ? null : Path.of(out),
				requestedAt == null ? 0 : requestedAt,
				rerun == null ? null : new NightRecord.Rerun(rerun, parameters.getString(RERUN_PREVIOUS_SHA256)),
				"true".equals(parameters.getString(ALLOW_INSECURE_HTTP)),
				"true".equals(parameters.getString(ALLOW_STALE_STORE)));
	}

	/** The night of a job's parameters, without reading the rest. */
	public static LocalDate nightOf(JobParameters parameters) {
		return parameters.getLocalDate(RUN_DATE);
	}

	/** The parameters that identify the night's job instance (what a second run of the same night would use). */
	public JobParameters identifying() {
		return new JobParameters(toJobParameters().getIdentifyingParameters());
	}

}
