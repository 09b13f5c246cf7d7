package dev.phonehome.home;

import java.nio.file.Path;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import dev.phonehome.record.NightParameters;
import dev.phonehome.record.RunMode;

/**
 * Where a night's files live. Sections are staged per job instance (a restarted night finds what the failed
 * execution already staged); artefacts go to {@code --out DIR}, or to the archive, one folder per night and
 * execution, so no execution ever overwrites another's files.
 */
@Component
public class NightWorkspace {

	private final PhoneHomeProperties properties;

	public NightWorkspace(PhoneHomeProperties properties) {
		this.properties = properties;
	}

	public Path partsDirectory(JobExecution execution) {
		return properties.workDirectory().resolve("instance-" + execution.getJobInstance().getInstanceId());
	}

	public Path artefactDirectory(JobExecution execution) {
		NightParameters parameters = NightParameters.of(execution.getJobParameters());
		if (parameters.outDirectory() != null) {
			return parameters.outDirectory();
		}
		boolean dryRun = parameters.mode() == RunMode.DRY_RUN;
		return properties.nightsDirectory()
			.resolve(parameters.night().toString())
			.resolve("execution-" + execution.getId() + (dryRun ? "-dry-run" : ""));
	}

}
