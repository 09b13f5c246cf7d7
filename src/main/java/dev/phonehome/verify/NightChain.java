package dev.phonehome.verify;

import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import dev.phonehome.history.NightHistory;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecordStore;

/**
 * Appends an ended execution to the record chain: links its record to the latest linked record before it and
 * stores both digests in its record. Called once an execution's outcome is final (the job's closing, or the
 * recovery of an execution whose process died).
 */
@Component
public class NightChain {

	private final NightHistory history;

	private final NightRecordStore records;

	public NightChain(NightHistory history, NightRecordStore records) {
		this.history = history;
		this.records = records;
	}

	public void link(JobExecution execution) {
		String previous = latestDigestBefore(execution.getId());
		NightRecord record = records.read(execution);
		records.save(execution,
				record.withChain(new NightRecord.ChainLink(previous, RecordChain.digest(execution, previous))));
	}

	private String latestDigestBefore(long executionId) {
		List<JobExecution> executions = history.executions();
		String latest = RecordChain.GENESIS;
		for (JobExecution candidate : executions) {
			NightRecord.ChainLink link = records.read(candidate).chain();
			if (candidate.getId() < executionId && link != null) {
				latest = link.digest();
			}
		}
		return latest;
	}

}
