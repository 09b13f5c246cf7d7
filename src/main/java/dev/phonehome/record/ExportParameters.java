package dev.phonehome.record;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The job parameters of one {@code export}, and the only place that spells their names: the night, when it was
 * asked for (so each export is an instance of its own, recorded), and where the body goes.
 */
public record ExportParameters(LocalDate night, long requestedAt, Path out) {

	private static final String NIGHT = "export.night";

	private static final String REQUESTED_AT = "export.requested-at";

	private static final String OUT = "export.out";

	public JobParameters toJobParameters() {
		return new JobParametersBuilder().addLocalDate(NIGHT, night, true)
			.addLong(REQUESTED_AT, requestedAt, true)
			.addString(OUT, out.toAbsolutePath().toString(), false)
			.toJobParameters();
	}

	public static ExportParameters of(JobParameters parameters) {
		return new ExportParameters(parameters.getLocalDate(NIGHT), parameters.getLong(REQUESTED_AT),
				Path.of(parameters.getString(OUT)));
	}

}
