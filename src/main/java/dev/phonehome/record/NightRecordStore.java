package dev.phonehome.record;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Reads and durably saves a night's record in the job repository. A save inside a step joins the step's
 * transaction, so the record and the step's progress commit together: a process killed in between leaves neither.
 */
public class NightRecordStore {

	private final JobRepository jobRepository;

	public NightRecordStore(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	public NightRecord read(JobExecution execution) {
		return NightRecords.read(execution);
	}

	/** Writes {@code record} into the execution's context and saves the context now. */
	public void save(JobExecution execution, NightRecord record) {
		NightRecords.write(record, execution.getExecutionContext());
		jobRepository.updateExecutionContext(execution);
	}

	/** Writes the record and what the scope gate made of it, and saves the context now (one save, one commit). */
	public void save(JobExecution execution, NightRecord record, NightApproval approval) {
		NightRecords.write(record, execution.getExecutionContext());
		NightRecords.writeApproval(approval, execution.getExecutionContext());
		jobRepository.updateExecutionContext(execution);
	}

	public NightApproval readApproval(JobExecution execution) {
		return NightRecords.readApproval(execution);
	}

}
