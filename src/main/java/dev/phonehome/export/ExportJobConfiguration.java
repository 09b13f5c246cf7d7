package dev.phonehome.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import dev.phonehome.artefact.Artefact;
import dev.phonehome.artefact.ArtefactWriter;
import dev.phonehome.history.NightHistory;
import dev.phonehome.record.ExportParameters;
import dev.phonehome.record.ExportRecord;
import dev.phonehome.record.Jobs;
import dev.phonehome.record.NightRecords;

/**
 * {@code exportJob}: writes a night's request body exactly as it would be POSTed (a JSON array holding the
 * night's archived payload, byte for byte), for air-gapped installations that upload it by hand. It is a job so
 * that every export is recorded in the job repository, and shows in the history.
 */
@Configuration(proxyBeanMethods = false)
public class ExportJobConfiguration {

	public static final String JOB_NAME = Jobs.EXPORT;

	@Bean
	Job exportJob(JobRepository jobRepository, Step exportNightStep) {
		return new JobBuilder(JOB_NAME, jobRepository).start(exportNightStep).build();
	}

	@Bean
	Step exportNightStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			NightHistory history) {
		return new StepBuilder("exportNightStep", jobRepository).tasklet((contribution, chunkContext) -> {
			JobExecution export = chunkContext.getStepContext().getStepExecution().getJobExecution();
			ExportParameters parameters = ExportParameters.of(export.getJobParameters());
			LocalDate night = parameters.night();
			JobExecution source = latestArchivedRun(history, night);
			Path payload = NightRecords.read(source).payload().file().path();
			Artefact verified = ArtefactWriter.describe(payload);
			String recorded = NightRecords.read(source).payload().file().sha256();
			if (!verified.sha256().equals(recorded)) {
				throw new IllegalStateException("the archived payload " + payload + " no longer matches its record "
						+ "(sha256 " + recorded + "); run 'verify' and restore it before exporting");
			}
			Artefact body = ArtefactWriter.write(parameters.out(), out -> {
				out.write('[');
				Files.copy(payload, out);
				out.write(']');
			});
			NightRecords.writeExport(new ExportRecord(night, source.getId(), recorded, body, null),
					export.getExecutionContext());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	/** The night's latest completed run (the original or a rerun) that archived a payload; never a dry run. */
	static JobExecution latestArchivedRun(NightHistory history, LocalDate night) {
		List<JobExecution> runs = history.completedRuns(night)
			.stream()
			.filter(e -> NightRecords.read(e).payload() != null)
			.toList();
		if (runs.isEmpty()) {
			throw new NothingToExportException(night);
		}
		return runs.get(runs.size() - 1);
	}

	/** The night has no archived payload of a completed run: nothing can be exported. */
	public static class NothingToExportException extends RuntimeException {

		NothingToExportException(LocalDate night) {
			super("night " + night + " has no completed run with an archived payload (skipped, failed or never run; "
					+ "dry runs are never sent, so never exported); see 'history'");
		}

	}


}
