package dev.phonehome.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import dev.phonehome.home.NightWorkspace;
import dev.phonehome.home.PhoneHomeProperties;
import dev.phonehome.record.NightRecords;

/**
 * The staged parts of payloads ({@code HOME/work/instance-N}): a free night's parts hold every user's address, so
 * they live only as long as a restart may need them. They go when the night's payload is archived (or the night
 * is skipped, completed or abandoned); a failed night keeps them, private, to resume from them. Any run sweeps
 * the parts that a killed process left behind.
 */
@Component
class WorkArea {

	private static final Logger log = LoggerFactory.getLogger(WorkArea.class);

	private final PhoneHomeProperties properties;

	private final NightWorkspace workspace;

	private final JobRepository jobRepository;

	WorkArea(PhoneHomeProperties properties, NightWorkspace workspace, JobRepository jobRepository) {
		this.properties = properties;
		this.workspace = workspace;
		this.jobRepository = jobRepository;
	}

	/** Removes the execution's parts once they cannot be needed again. */
	void release(JobExecution execution) {
		if (finished(execution)) {
			delete(workspace.partsDirectory(execution));
		}
	}

	/** Removes every part folder no live or resumable execution needs. */
	void sweep() {
		Path work = properties.workDirectory();
		if (!Files.isDirectory(work)) {
			return;
		}
		try (Stream<Path> folders = Files.list(work)) {
			for (Path folder : folders.toList()) {
				String name = folder.getFileName().toString();
				JobInstance instance = name.startsWith("instance-") ? instance(name.substring(9)) : null;
				List<JobExecution> executions = instance == null ? List.of() : jobRepository.getJobExecutions(instance);
				boolean needed = executions.stream().anyMatch(e -> e.isRunning() || !finished(e));
				if (!needed) {
					log.info("removing {}: no execution needs these staged parts any more", folder);
					delete(folder);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + work + ": " + ex.getMessage(), ex);
		}
	}

	/** Done with its parts: archived its payload, or ended in a way that never resumes. */
	private static boolean finished(JobExecution execution) {
		BatchStatus status = execution.getStatus();
		return status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED
				|| NightRecords.read(execution).payload() != null;
	}

	private JobInstance instance(String id) {
		try {
			return jobRepository.getJobInstance(Long.parseLong(id));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static void delete(Path folder) {
		try {
			FileSystemUtils.deleteRecursively(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot remove " + folder + ": " + ex.getMessage(), ex);
		}
	}

}
