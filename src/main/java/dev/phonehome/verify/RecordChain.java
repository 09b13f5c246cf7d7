package dev.phonehome.verify;

import java.util.Map;

import org.springframework.batch.core.job.JobExecution;

import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecords;

/**
 * The canonical text of an execution's record as the chain keeps it: what the execution proved (night, mode,
 * outcome, and the digests of what it archived; {@link NightRecords#chainedFacts}). Facts that change later by
 * design, such as the delivery status of a backlog night, are not part of it.
 */
final class RecordChain {

	private RecordChain() {
	}

	static String text(JobExecution execution, String event) {
		NightRecord record = NightRecords.read(execution);
		StringBuilder text = new StringBuilder();
		text.append("event=").append(event).append('\n');
		text.append("execution=").append(execution.getId()).append('\n');
		text.append("night=").append(record.date()).append('\n');
		text.append("status=").append(execution.getStatus()).append('\n');
		text.append("exit=").append(execution.getExitStatus().getExitCode()).append('\n');
		for (Map.Entry<String, String> fact : NightRecords.chainedFacts(record)) {
			text.append(fact.getKey()).append('=').append(fact.getValue()).append('\n');
		}
		return text.toString();
	}

}
