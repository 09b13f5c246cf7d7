package dev.phonehome.audit;

import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.phonehome.job.NightFacts;
import dev.phonehome.job.NightWorkspace;

/**
 * The audit step: writes {@code audit.pdf} and {@code audit.csv} beside the archived payload (or, for a skipped
 * night, where the payload would have been) from that payload and the facts recorded so far, and records both
 * files' paths and SHA-256 in the job execution context.
 */
public class WriteAuditTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(WriteAuditTasklet.class);

	private final AuditWriter auditWriter;

	private final NightWorkspace workspace;

	private final JobRepository jobRepository;

	private final Clock clock;

	public WriteAuditTasklet(AuditWriter auditWriter, NightWorkspace workspace, JobRepository jobRepository,
			Clock clock) {
		this.auditWriter = auditWriter;
		this.workspace = workspace;
		this.jobRepository = jobRepository;
		this.clock = clock;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		ExecutionContext facts = execution.getExecutionContext();
		AuditInput input = AuditInput.of(execution, isRerun(execution));
		Path directory = input.payload() != null ? input.payload().toAbsolutePath().getParent()
				: workspace.artefactDirectory(execution);
		AuditArtefacts audit = auditWriter.write(input, directory, clock.instant());
		facts.putString(NightFacts.AUDIT_PDF_PATH, audit.pdf().path().toString());
		facts.putString(NightFacts.AUDIT_PDF_SHA256, audit.pdf().sha256());
		facts.putString(NightFacts.AUDIT_CSV_PATH, audit.csv().path().toString());
		facts.putString(NightFacts.AUDIT_CSV_SHA256, audit.csv().sha256());
		log.info("night {}: audit written: {} ({} bytes), {} ({} bytes)", facts.getString(NightFacts.NIGHT),
				audit.pdf().path(), audit.pdf().size(), audit.csv().path(), audit.csv().size());
		return RepeatStatus.FINISHED;
	}

	private boolean isRerun(JobExecution execution) {
		return jobRepository.getJobExecutions(execution.getJobInstance())
			.stream()
			.anyMatch(earlier -> earlier.getId() < execution.getId());
	}

}
