package dev.phonehome.verify;

import java.util.Comparator;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

import dev.phonehome.job.NightFacts;
import dev.phonehome.job.PhoneHomeJobConfiguration;

/**
 * When an execution ends, links its record to the latest record before it and stores both digests in its
 * execution context ({@code record.previous-digest}, {@code record.digest}).
 */
public class ChainLinkListener implements JobExecutionListener {

	private final JobRepository jobRepository;

	public ChainLinkListener(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	@Override
	public void afterJob(JobExecution execution) {
		String previous = latestDigestBefore(execution.getId());
		execution.getExecutionContext().putString(NightFacts.RECORD_PREVIOUS_DIGEST, previous);
		execution.getExecutionContext().putString(NightFacts.RECORD_DIGEST, RecordChain.digest(execution, previous));
		jobRepository.updateExecutionContext(execution);
	}

	private String latestDigestBefore(long executionId) {
		JobExecution latest = null;
		for (JobInstance instance : jobRepository.getJobInstances(PhoneHomeJobConfiguration.JOB_NAME, 0,
				Integer.MAX_VALUE)) {
			for (JobExecution candidate : jobRepository.getJobExecutions(instance)) {
				if (candidate.getId() < executionId
						&& candidate.getExecutionContext().containsKey(NightFacts.RECORD_DIGEST)
						&& (latest == null || candidate.getId() > latest.getId())) {
					latest = candidate;
				}
			}
		}
		return latest == null ? RecordChain.GENESIS : latest.getExecutionContext().getString(NightFacts.RECORD_DIGEST);
	}

}
