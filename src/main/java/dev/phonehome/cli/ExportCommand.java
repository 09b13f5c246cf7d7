package dev.phonehome.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import dev.phonehome.export.ExportJobConfiguration;
import dev.phonehome.job.JobFailures;
import dev.phonehome.record.ExportParameters;
import dev.phonehome.record.ExportRecord;
import dev.phonehome.record.NightRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code phonehome export}: a night's request body, for an air-gapped installation to upload by hand. */
@Component
@Scope("prototype")
@Command(name = "export", mixinStandardHelpOptions = true,
		header = "Writes a night's request body, for an air-gapped upload by hand.",
		description = { "Writes the night's request body exactly as it would be POSTed to {phoneHomeUrl}/phone-home",
				"(a JSON array holding the night's archived payload), for upload by hand. Recorded in the history." },
		footerHeading = "%nExit codes:%n", footer = "${sys:phonehome.exit-codes}")
class ExportCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	HomeOption home;

	@Option(names = "--date", paramLabel = "YYYY-MM-DD", required = true, description = "the night to export")
	LocalDate date;

	@Option(names = "--out", paramLabel = "FILE", required = true, description = "where to write the body")
	Path out;

	private final JobOperator jobOperator;

	private final Job exportJob;

	private final Clock clock;

	ExportCommand(JobOperator jobOperator, @Qualifier(ExportJobConfiguration.JOB_NAME) Job exportJob, Clock clock) {
		this.jobOperator = jobOperator;
		this.exportJob = exportJob;
		this.clock = clock;
	}

	@Override
	public Integer call() throws Exception {
		PrintWriter err = spec.commandLine().getErr();
		JobExecution execution = jobOperator.start(exportJob,
				new ExportParameters(date, clock.millis(), out).toJobParameters());
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			err.println("phonehome: export of night " + date + " failed:");
			JobFailures.describe(execution).forEach(line -> err.println("  " + line));
			return JobFailures.failedWith(execution, ExportJobConfiguration.NothingToExportException.class)
					? ExitCode.USAGE.code() : ExitCode.JOB_FAILED.code();
		}
		ExportRecord export = NightRecords.readExport(execution);
		PrintWriter print = spec.commandLine().getOut();
		print.println("phonehome: night " + date + " exported (execution " + execution.getId() + ", payload of execution "
				+ export.sourceExecution() + ")");
		print.println("  body            " + export.body().path() + " (" + export.body().size() + " bytes)");
		print.println("  body sha256     " + export.body().sha256());
		print.println("  payload sha256  " + export.payloadSha256());
		if (export.bodyNights().size() > 1) {
			print.println("  nights          " + export.bodyNights() + ": the set this night was already sent in, "
					+ "which must go out as it was");
		}
		print.println("  Idempotency-Key " + export.idempotencyKey() + " (a later delivery of the night sends the same)");
		print.println("Upload it with: curl -X POST -H 'Content-Type: application/json' -H 'X-CS-Phone-Home-Key: <key>' "
				+ "-H 'Idempotency-Key: " + export.idempotencyKey() + "' --data-binary @" + export.body().path()
				+ " <phoneHomeUrl>/phone-home");
		print.flush();
		return ExitCode.OK.code();
	}

}
