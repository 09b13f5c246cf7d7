package dev.phonehome.audit;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import dev.phonehome.job.NightFacts;
import dev.phonehome.job.RunMode;

/**
 * Everything an audit is made from, and nothing else: the archived payload (absent for a skipped night), the
 * facts the execution recorded, its id and mode. Built from a job execution by the audit step, or from the job
 * repository by anything that must write (or check) a night's audit again later.
 *
 * @param payload the archived payload file; {@code null} when the night was skipped
 * @param facts a copy of the execution's context (see {@link NightFacts})
 * @param executionId the job execution the audit is about
 * @param mode how the execution was asked for
 * @param rerun the execution resumed a night whose earlier execution failed
 */
public record AuditInput(Path payload, ExecutionContext facts, long executionId, RunMode mode, boolean rerun) {

	public AuditInput {
		facts = new ExecutionContext(facts);
	}

	/** The audit of {@code execution} as it stands now (with the facts recorded so far). */
	public static AuditInput of(JobExecution execution, boolean rerun) {
		ExecutionContext facts = execution.getExecutionContext();
		String payload = facts.containsKey(NightFacts.PAYLOAD_PATH) ? facts.getString(NightFacts.PAYLOAD_PATH) : null;
		return new AuditInput(payload == null ? null : Path.of(payload), facts, execution.getId(),
				RunMode.valueOf(facts.getString(NightFacts.MODE)), rerun);
	}

	public boolean skipped() {
		return NightFacts.flag(facts, NightFacts.SKIPPED);
	}

	public LocalDate night() {
		return LocalDate.parse(facts.getString(NightFacts.NIGHT));
	}

	public long windowStart() {
		return facts.getLong(NightFacts.WINDOW_START);
	}

	public long windowEnd() {
		return facts.getLong(NightFacts.WINDOW_END);
	}

	/** A recorded fact as text; {@code ""} when the execution did not record it. */
	public String fact(String key) {
		Object value = facts.get(key);
		return value == null ? "" : value.toString();
	}

	public boolean flag(String key) {
		return NightFacts.flag(facts, key);
	}

	/** nightly, manual, dry run; "rerun" when it resumed a failed night; "skipped" when nothing was sent. */
	public String modeLabel() {
		String label = rerun ? "rerun of a failed " + mode.label() + " execution" : mode.label();
		return skipped() ? "skipped (" + label + ")" : label;
	}

}
