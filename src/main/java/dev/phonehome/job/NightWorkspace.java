package dev.phonehome.job;

import java.nio.file.Path;

import org.springframework.batch.core.job.JobExecution;

import dev.phonehome.PhoneHomeProperties;
import dev.phonehome.source.NightContext;

/**
 * Where a night's files live. Sections are staged per job instance (a restarted night finds what the failed
 * execution already staged); artefacts go to {@code --out DIR}, or to the archive, one folder per night and
 * execution, so no execution ever overwrites another's files.
 */
public class NightWorkspace {

	private final PhoneHomeProperties properties;

	public NightWorkspace(PhoneHomeProperties properties) {
		this.properties = properties;
	}

	public Path partsDirectory(JobExecution execution) {
		return properties.workDirectory().resolve("instance-" + execution.getJobInstance().getInstanceId());
	}

	public Path artefactDirectory(JobExecution execution) {
		String out = execution.getJobParameters().getString(NightParameters.OUT_DIRECTORY);
		if (out != null) {
			return Path.of(out);
		}
		String night = execution.getJobParameters().getLocalDate(NightContext.RUN_DATE).toString();
		boolean dryRun = RunMode.DRY_RUN.name().equals(execution.getJobParameters().getString(NightParameters.RUN_MODE));
		return properties.nightsDirectory()
			.resolve(night)
			.resolve("execution-" + execution.getId() + (dryRun ? "-dry-run" : ""));
	}

}
