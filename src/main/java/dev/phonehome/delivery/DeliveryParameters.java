package dev.phonehome.delivery;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** The job parameter of the delivery: whether {@code run --allow-insecure-http} was given (non-identifying). */
public final class DeliveryParameters {

	public static final String ALLOW_INSECURE_HTTP = "delivery.allow-insecure-http";

	private DeliveryParameters() {
	}

	public static JobParameters withInsecureHttp(JobParameters parameters, boolean allowed) {
		return allowed ? new JobParametersBuilder(parameters).addString(ALLOW_INSECURE_HTTP, "true", false)
			.toJobParameters() : parameters;
	}

	static boolean insecureHttpAllowed(JobParameters parameters) {
		return "true".equals(parameters.getString(ALLOW_INSECURE_HTTP));
	}

}
