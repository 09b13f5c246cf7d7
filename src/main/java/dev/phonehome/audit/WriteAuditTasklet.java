package dev.phonehome.audit;

import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.phonehome.audit.content.AuditInput;
import dev.phonehome.failpoint.Failpoint;
import dev.phonehome.artefact.Artefact;
import dev.phonehome.home.ArchiveCopies;
import dev.phonehome.home.NightWorkspace;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecordStore;

/**
 * {@code auditStep}: writes {@code audit.pdf} and {@code audit.csv} beside the archived payload (or, for a skipped
 * night, where the payload would have been) from that payload and the night's record so far, and records both
 * files' paths, sizes and SHA-256.
 */
public class WriteAuditTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(WriteAuditTasklet.class);

	private final AuditWriter auditWriter;

	private final NightWorkspace workspace;

	private final NightRecordStore records;

	private final Clock clock;

	private final ArchiveCopies copies;

	public WriteAuditTasklet(AuditWriter auditWriter, NightWorkspace workspace, NightRecordStore records,
			Clock clock, ArchiveCopies copies) {
		this.auditWriter = auditWriter;
		this.workspace = workspace;
		this.records = records;
		this.clock = clock;
		this.copies = copies;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		NightRecord record = records.read(execution);
		AuditInput input = new AuditInput(onThisNode(record), execution.getId());
		Path directory = input.payload() != null ? input.payload().toAbsolutePath().getParent()
				: workspace.artefactDirectory(execution);
		AuditArtefacts audit = auditWriter.write(input, directory, workspace.partsDirectory(execution),
				clock.instant());
		// in this step's transaction, with the record: any node can read the audit of a night recorded
		copies.store(record.date(), audit.pdf());
		copies.store(record.date(), audit.csv());
		records.save(execution, record.withAudit(new NightRecord.Audit(audit.pdf(), audit.csv())));
		Failpoint.AUDIT_BEFORE_COMMIT.hit();
		log.info("night {}: audit written: {} ({} bytes), {} ({} bytes)", record.date(), audit.pdf().path(),
				audit.pdf().size(), audit.csv().path(), audit.csv().size());
		return RepeatStatus.FINISHED;
	}

	/**
	 * The record with its payload where this node has it: a night resumed on another node than the one that
	 * archived its payload reads it from this node's copy (restored from the database). The saved record keeps
	 * the recorded path.
	 */
	private NightRecord onThisNode(NightRecord record) {
		return baselineOnThisNode(payloadOnThisNode(record));
	}

	/** The changes' baseline payload where this node has it (the audit makes the change lists again from it). */
	private NightRecord baselineOnThisNode(NightRecord record) {
		NightRecord.Changes changes = record.changes();
		if (changes == null || changes.baselinePayload() == null) {
			return record;
		}
		Artefact recorded = changes.baselinePayload();
		java.nio.file.Path local;
		try {
			local = copies.available(recorded).orElse(recorded.path());
		}
		catch (IllegalStateException ex) {
			// a database copy that no longer matches its record is not restored: the audit reads (and checks) the
			// recorded path, as on a single node
			local = recorded.path();
		}
		if (local.equals(recorded.path())) {
			return record;
		}
		return record.withChanges(changes.withBaselinePayload(new Artefact(local, recorded.size(), recorded.sha256())));
	}

	private NightRecord payloadOnThisNode(NightRecord record) {
		NightRecord.Payload payload = record.payload();
		if (payload == null) {
			return record;
		}
		java.nio.file.Path local = copies.available(payload.file()).orElse(payload.file().path());
		if (local.equals(payload.file().path())) {
			return record;
		}
		Artefact file = new Artefact(local, payload.file().size(), payload.file().sha256());
		return record.withPayload(new NightRecord.Payload(local.getParent().toString(), file, payload.counts(),
				payload.integrations()));
	}

}
