package dev.phonehome.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import dev.phonehome.artefact.Artefact;
import dev.phonehome.artefact.ArtefactWriter;
import dev.phonehome.history.ArchivedPayload;
import dev.phonehome.history.NightHistory;
import dev.phonehome.job.NightFacts;

/**
 * {@code exportJob}: writes a night's request body exactly as it would be POSTed (a JSON array holding the
 * night's archived payload, byte for byte), for air-gapped installations that upload it by hand. It is a job so
 * that every export is recorded in the job repository, and shows in the history.
 */
@Configuration(proxyBeanMethods = false)
public class ExportJobConfiguration {

	public static final String JOB_NAME = "exportJob";

	public static final String NIGHT = "export.night";

	public static final String REQUESTED_AT = "export.requested-at";

	public static final String OUT = "export.out";

	public static final String SOURCE_EXECUTION = "export.source-execution";

	public static final String BODY_PATH = "export.path";

	public static final String BODY_SHA256 = "export.sha256";

	@Bean
	Job exportJob(JobRepository jobRepository, Step exportNightStep) {
		return new JobBuilder(JOB_NAME, jobRepository).start(exportNightStep).build();
	}

	@Bean
	Step exportNightStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			NightHistory history) {
		return new StepBuilder("exportNightStep", jobRepository).tasklet((contribution, chunkContext) -> {
			JobExecution export = chunkContext.getStepContext().getStepExecution().getJobExecution();
			LocalDate night = export.getJobParameters().getLocalDate(NIGHT);
			ArchivedPayload source = history.archivedPayload(night).orElseThrow(() -> new NothingToExportException(night));
			Path payload = source.intactPath();
			Artefact body = ArtefactWriter.write(Path.of(export.getJobParameters().getString(OUT)), out -> {
				out.write('[');
				Files.copy(payload, out);
				out.write(']');
			});
			ExecutionContext facts = export.getExecutionContext();
			facts.putString(NightFacts.NIGHT, night.toString());
			facts.putLong(SOURCE_EXECUTION, source.executionId());
			facts.putString(NightFacts.PAYLOAD_SHA256, source.sha256());
			facts.putString(BODY_PATH, body.path().toString());
			facts.putString(BODY_SHA256, body.sha256());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	/** The night has no archived payload of a completed run: nothing can be exported. */
	public static class NothingToExportException extends RuntimeException {

		NothingToExportException(LocalDate night) {
			super("night " + night + " has no completed run with an archived payload (skipped, failed or never run; "
					+ "dry runs are never sent, so never exported); see 'history'");
		}

	}

}
