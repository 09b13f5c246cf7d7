package dev.phonehome.verify;

import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import dev.phonehome.failpoint.Failpoint;
import dev.phonehome.history.NightHistory;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecordStore;

/**
 * Appends an execution's record to the record chain whenever its outcome becomes final or changes: it ended, its
 * dead process was recovered, it was abandoned. The entry's digest is also kept in the record itself
 * ({@code record.digest}), for a reader of the job repository.
 */
@Component
public class NightChain implements ChainSubjects {

	/** Why an execution's record is appended. */
	public enum Event {
		ENDED, RECOVERED, ABANDONED
	}

	private final ChainStore chain;

	private final NightRecordStore records;

	private final NightHistory history;

	public NightChain(ChainStore chain, NightRecordStore records, NightHistory history) {
		this.chain = chain;
		this.records = records;
		this.history = history;
	}

	public void append(JobExecution execution, Event event) {
		Failpoint.CLOSE_BEFORE_CHAIN.hit();
		ChainEntry entry = chain.append(ChainEntry.executionSubject(execution.getId()), event.name(),
				RecordChain.text(execution, event.name()));
		Failpoint.CLOSE_AFTER_CHAIN.hit();
		records.save(execution,
				records.read(execution).withChain(new NightRecord.ChainLink(entry.previousDigest(), entry.digest())));
	}

	/**
	 * Appends the ended executions among {@code executions} that are not in the chain yet: a process that died
	 * after Batch recorded its execution's end but before it was chained. The caller holds their night's lock, so
	 * no live process is about to chain them itself.
	 */
	public void appendMissing(java.util.List<JobExecution> executions) {
		for (JobExecution execution : executions) {
			if (!execution.isRunning() && !chain.contains(ChainEntry.executionSubject(execution.getId()))) {
				append(execution, Event.ENDED);
			}
		}
	}

	@Override
	public boolean handles(String subject) {
		return subject.startsWith(ChainEntry.EXECUTION);
	}

	@Override
	public Optional<String> currentText(String subject, String event) {
		long id = Long.parseLong(subject.substring(ChainEntry.EXECUTION.length()));
		return history.execution(id).map(execution -> RecordChain.text(execution, event));
	}

}
