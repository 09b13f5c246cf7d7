package dev.phonehome.home;

import java.nio.file.Path;
import java.util.Comparator;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import dev.phonehome.record.NightParameters;
import dev.phonehome.record.RunMode;

/**
 * Where a night's files live. Sections are staged per job instance (a restarted night finds what the failed
 * execution already staged). Artefacts go to {@code --out DIR}, or to the archive, one folder per night and job
 * instance, named after the instance's first execution: a restart that must archive again (its process died
 * before the archiving was recorded) writes into the same folder, so no unrecorded copy is left behind, while no
 * other night, rerun or dry run ever writes there.
 */
@Component
public class NightWorkspace {

	private final PhoneHomeProperties properties;

	private final JobRepository jobRepository;

	public NightWorkspace(PhoneHomeProperties properties, JobRepository jobRepository) {
		this.properties = properties;
		this.jobRepository = jobRepository;
	}

	public Path partsDirectory(JobExecution execution) {
		return partsDirectory(execution.getJobInstance().getInstanceId());
	}

	public Path partsDirectory(long instanceId) {
		return properties.workDirectory().resolve("instance-" + instanceId);
	}

	public Path artefactDirectory(JobExecution execution) {
		NightParameters parameters = NightParameters.of(execution.getJobParameters());
		if (parameters.outDirectory() != null) {
			return parameters.outDirectory();
		}
		long first = jobRepository.getJobExecutions(execution.getJobInstance())
			.stream()
			.map(JobExecution::getId)
			.min(Comparator.naturalOrder())
			.orElse(execution.getId());
		return properties.nightsDirectory()
			.resolve(parameters.night().toString())
			.resolve("execution-" + first + (parameters.mode() == RunMode.DRY_RUN ? "-dry-run" : ""));
	}

}
