package dev.phonehome.export;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import dev.phonehome.delivery.Outbox;
import dev.phonehome.home.ArchiveCopies;
import dev.phonehome.record.Jobs;

/**
 * {@code exportJob}: writes a night's request body exactly as it is POSTed ({@link ExportNightTasklet}), for
 * air-gapped installations that upload it by hand. It is a job so that every export is recorded in the job
 * repository, and shows in the history.
 */
@Configuration(proxyBeanMethods = false)
public class ExportJobConfiguration {

	public static final String JOB_NAME = Jobs.EXPORT;

	@Bean
	Job exportJob(JobRepository jobRepository, Step exportNightStep) {
		return new JobBuilder(JOB_NAME, jobRepository).start(exportNightStep).build();
	}

	@Bean
	Step exportNightStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Outbox outbox,
			ArchiveCopies copies) {
		return new StepBuilder("exportNightStep", jobRepository)
			.tasklet(new ExportNightTasklet(outbox, copies), transactionManager)
			.build();
	}

	/** Nothing can be exported as asked: the night was never queued, or the file exists. */
	public static class NothingToExportException extends RuntimeException {

		NothingToExportException(String message) {
			super(message);
		}

	}

}
