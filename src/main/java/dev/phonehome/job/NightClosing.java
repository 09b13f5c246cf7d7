package dev.phonehome.job;

import java.util.Comparator;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

import dev.phonehome.payload.DecideNightTasklet;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecordStore;
import dev.phonehome.verify.NightChain;

/**
 * Opens and closes every execution of {@code phoneHomeJob}, in this order. Opening: the record notes which failed
 * execution this one resumes, if any. Closing: a skipped night's exit status says so, then the record, now final,
 * is linked into the record chain, then the staged parts go if they cannot be needed again.
 */
class NightClosing implements JobExecutionListener {

	private final JobRepository jobRepository;

	private final NightRecordStore records;

	private final NightChain chain;

	private final WorkArea workArea;

	NightClosing(JobRepository jobRepository, NightRecordStore records, NightChain chain, WorkArea workArea) {
		this.jobRepository = jobRepository;
		this.records = records;
		this.chain = chain;
		this.workArea = workArea;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		Long resumed = jobRepository.getJobExecutions(execution.getJobInstance())
			.stream()
			.filter(earlier -> earlier.getId() < execution.getId())
			.max(Comparator.comparingLong(JobExecution::getId))
			.map(JobExecution::getId)
			.orElse(null);
		// a restart's context starts as a copy of the failed execution's: its chain link is that execution's, not ours
		records.save(execution, records.read(execution).withRestartOf(resumed).withChain(null));
	}

	@Override
	public void afterJob(JobExecution execution) {
		markSkipped(execution);
		chain.append(execution, NightChain.Event.ENDED);
		workArea.release(execution);
	}

	/** A skipped night completes, and says so in its exit status (the history and the CLI read it). */
	private void markSkipped(JobExecution execution) {
		NightRecord record = records.read(execution);
		if (record.skipped() && execution.getExitStatus().getExitCode().equals(ExitStatus.COMPLETED.getExitCode())) {
			execution.setExitStatus(new ExitStatus(DecideNightTasklet.SKIPPED, record.decisions().switchOff().reason()));
		}
	}

}
