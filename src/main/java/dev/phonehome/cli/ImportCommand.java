package dev.phonehome.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import dev.phonehome.dump.DumpImportJobConfiguration;
import dev.phonehome.installation.InstallationCollection;
import dev.phonehome.job.JobFailures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code phonehome import}: loads a mongoexport dump into the embedded store, replacing what was there. */
@Component
@Scope("prototype")
@Command(name = "import", mixinStandardHelpOptions = true,
		header = "Loads a mongoexport dump into the embedded store, replacing what was there.",
		description = { "Loads a mongoexport dump (companies.json, teams.json, users.json, posts.json,",
				"codemarks.json, reviews.json: JSON Lines, Extended JSON v2) into the embedded store.",
				"The store is replaced only if every file is valid; otherwise nothing changes." },
		footerHeading = "%nExit codes:%n", footer = "${sys:phonehome.exit-codes}")
class ImportCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	HomeOption home;

	@Option(names = "--from", paramLabel = "DIR", required = true, description = "the dump directory")
	Path from;

	private final JobOperator jobOperator;

	private final Job importJob;

	private final Clock clock;

	ImportCommand(JobOperator jobOperator, @Qualifier(DumpImportJobConfiguration.JOB_NAME) Job importJob,
			Clock clock) {
		this.jobOperator = jobOperator;
		this.importJob = importJob;
		this.clock = clock;
	}

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		Path dump = from.toAbsolutePath().normalize();
		if (!Files.isDirectory(dump)) {
			err.println("phonehome: " + dump + ": not a directory; --from takes the folder mongoexport wrote");
			return ExitCode.BAD_DATA.code();
		}
		List<String> missing = java.util.Arrays.stream(InstallationCollection.values())
			.map(InstallationCollection::dumpFileName)
			.filter(name -> !Files.isRegularFile(dump.resolve(name)))
			.toList();
		if (!missing.isEmpty()) {
			err.println("phonehome: " + dump + ": missing " + String.join(", ", missing)
					+ " (all six files must exist; an empty file is an empty collection). Nothing was imported.");
			return ExitCode.BAD_DATA.code();
		}
		JobExecution execution = jobOperator.start(importJob, new JobParametersBuilder()
			.addString(DumpImportJobConfiguration.FROM, dump.toString(), true)
			.addLong(DumpImportJobConfiguration.REQUESTED_AT, clock.millis(), true)
			.toJobParameters());
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			err.println("phonehome: import of " + dump + " failed (execution " + execution.getId() + "):");
			JobFailures.describe(execution).forEach(line -> err.println("  " + line));
			err.println("The store was not changed. Fix the file named above and import again.");
			return JobFailures.isBadData(execution) ? ExitCode.BAD_DATA.code() : ExitCode.JOB_FAILED.code();
		}
		out.println("phonehome: imported " + dump + " (execution " + execution.getId() + ")");
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStepName().startsWith("import")) {
				out.printf("  %-13s %d%n", step.getStepName().replace("import", "").replace("Step", "").toLowerCase(),
						step.getWriteCount());
			}
		}
		out.flush();
		return ExitCode.OK.code();
	}

}
