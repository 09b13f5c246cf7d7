package dev.phonehome.approval;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.phonehome.failpoint.Failpoint;
import dev.phonehome.record.DeliveryStatus;
import dev.phonehome.record.NightApproval;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecordStore;

/**
 * {@code scopeGateStep}: takes the archived night through the scope gate. A night whose scope changed in a way the
 * policy lists ends the step with exit status {@value #HELD}: the job then skips delivery (not queued, not sent) and
 * goes on to the audit, which states HELD. The gate row and the night's record commit with the step, together.
 */
public class ScopeGateTasklet implements Tasklet {

	public static final String HELD = "HELD";

	private final Approvals approvals;

	private final NightRecordStore records;

	ScopeGateTasklet(Approvals approvals, NightRecordStore records) {
		this.approvals = approvals;
		this.records = records;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		// decisions a killed approve left unchained are chained first, so the chain is whole before this night
		approvals.chainMissing();
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		NightRecord record = records.read(execution);
		NightApproval gated = approvals.gate(execution, record);
		if (gated == null) {
			return RepeatStatus.FINISHED;
		}
		if (HELD.equals(gated.state())) {
			NightRecord.Delivery held = NightRecord.Delivery.notSent(DeliveryStatus.HELD)
				.withProblem(DeliveryStatus.HELD, gated.heldBecause() + "; approve it with 'phonehome approve --date "
						+ record.date() + " --by NAME' (a second person), or reject it with 'phonehome reject --date "
						+ record.date() + " --by NAME --reason TEXT'");
			records.save(execution, record.withDelivery(held), gated);
			contribution.setExitStatus(new ExitStatus(HELD, gated.heldBecause()));
		}
		else {
			records.save(execution, record, gated);
		}
		Failpoint.GATE_BEFORE_COMMIT.hit();
		return RepeatStatus.FINISHED;
	}

}
