package dev.phonehome.verify;

import java.util.Map;

import org.springframework.batch.core.job.JobExecution;

import dev.phonehome.artefact.Sha256;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecords;

/**
 * Tamper evidence for the job repository: each execution's record carries the digest of the previous execution's
 * record, so changing, inserting or deleting a record breaks the chain from that point on. A record is what an
 * execution proved when it ended ({@link NightRecords#chainedFacts}); facts that change later by design, such as
 * the delivery status of a backlog night, are not part of it.
 */
public final class RecordChain {

	/** The digest the first execution links to. */
	public static final String GENESIS = "0".repeat(64);

	private RecordChain() {
	}

	/** The canonical text of an execution's record: one {@code key=value} line per chained fact. */
	public static String record(JobExecution execution, String previousDigest) {
		NightRecord record = NightRecords.read(execution);
		StringBuilder text = new StringBuilder();
		text.append("execution=").append(execution.getId()).append('\n');
		text.append("night=").append(record.date()).append('\n');
		text.append("status=").append(execution.getStatus()).append('\n');
		text.append("exit=").append(execution.getExitStatus().getExitCode()).append('\n');
		for (Map.Entry<String, String> fact : NightRecords.chainedFacts(record)) {
			text.append(fact.getKey()).append('=').append(fact.getValue()).append('\n');
		}
		text.append("previous=").append(previousDigest).append('\n');
		return text.toString();
	}

	public static String digest(JobExecution execution, String previousDigest) {
		return Sha256.of(record(execution, previousDigest));
	}

}
