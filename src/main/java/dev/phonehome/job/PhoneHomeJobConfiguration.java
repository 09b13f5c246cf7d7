package dev.phonehome.job;

import java.time.Clock;
import java.util.function.Function;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemWriterBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.transaction.PlatformTransactionManager;

import dev.phonehome.PhoneHomeProperties;
import dev.phonehome.audit.AuditWriter;
import dev.phonehome.audit.WriteAuditTasklet;
import dev.phonehome.payload.PayloadContract;
import dev.phonehome.payload.PayloadJson;
import dev.phonehome.payload.PayloadSection;
import dev.phonehome.source.CodeReview;
import dev.phonehome.source.Company;
import dev.phonehome.settings.ServicesConfigLoader;
import dev.phonehome.source.InstallationSource;
import dev.phonehome.source.NightContext;
import dev.phonehome.source.Team;
import dev.phonehome.source.User;
import dev.phonehome.installation.InstallationCollection;
import dev.phonehome.progress.ProgressProperties;
import dev.phonehome.progress.StepProgressListener;
import dev.phonehome.verify.ChainLinkListener;

/**
 * {@code phoneHomeJob}: one night's phone-home payload, computed in chunks and archived.
 *
 * <pre>
 * decideNightStep --SKIPPED--> auditStep (a paid installation switched the phone home off; the audit says why)
 *        |
 *        +--> collectCompaniesStep -> collectTeamsStep -> collectUsersStep -> collectCodeReviewsStep
 *             -> assemblePayloadStep -> deliverPayloadStep -> auditStep
 * </pre>
 * The collect steps read their section from the active source ({@code companiesReader}, ...; the job does not
 * know which store is behind them) and stage it as JSON lines; restarting a failed night resumes at the step,
 * and the chunk, where it failed. The night ({@code run.date}) is the job instance.
 */
@Configuration(proxyBeanMethods = false)
public class PhoneHomeJobConfiguration {

	public static final String JOB_NAME = "phoneHomeJob";

	@Bean
	Job phoneHomeJob(JobRepository jobRepository, Step decideNightStep, Step collectCompaniesStep,
			Step collectTeamsStep, Step collectUsersStep, Step collectCodeReviewsStep, Step assemblePayloadStep,
			Step deliverPayloadStep, Step auditStep) {
		// afterJob listeners run in reverse order: the chain link is made last, on the final exit status
		return new JobBuilder(JOB_NAME, jobRepository).listener(new ChainLinkListener(jobRepository))
			.listener(skippedNightExitStatus())
			.start(decideNightStep)
			.on(ExitStatus.FAILED.getExitCode())
			.fail()
			.from(decideNightStep)
			.on(DecideNightTasklet.SKIPPED)
			.to(auditStep)
			.from(decideNightStep)
			.on("*")
			.to(collectCompaniesStep)
			.next(collectTeamsStep)
			.next(collectUsersStep)
			.next(collectCodeReviewsStep)
			.next(assemblePayloadStep)
			.next(deliverPayloadStep)
			.next(auditStep)
			.end()
			.build();
	}

	/** A skipped night completes, and says so in its exit status (the history and the CLI read it). */
	private static JobExecutionListener skippedNightExitStatus() {
		return new JobExecutionListener() {
			@Override
			public void afterJob(JobExecution jobExecution) {
				var facts = jobExecution.getExecutionContext();
				if (NightFacts.flag(facts, NightFacts.SKIPPED) && jobExecution.getExitStatus().getExitCode()
					.equals(ExitStatus.COMPLETED.getExitCode())) {
					jobExecution.setExitStatus(
							new ExitStatus(DecideNightTasklet.SKIPPED, facts.getString(NightFacts.SKIP_REASON)));
				}
			}
		};
	}

	@Bean
	NightWorkspace nightWorkspace(PhoneHomeProperties properties) {
		return new NightWorkspace(properties);
	}

	@Bean
	PayloadContract payloadContract() {
		return new PayloadContract();
	}

	// step 1: decide (plans, emails, switch-off); record the facts

	@Bean
	Step decideNightStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			InstallationSource installationSource, ServicesConfigLoader configs) {
		return new StepBuilder("decideNightStep", jobRepository)
			.tasklet(new DecideNightTasklet(installationSource, configs), transactionManager)
			.build();
	}

	// steps 2-5: each section, read in chunks from the source, staged as JSON lines

	@Bean
	Step collectCompaniesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PhoneHomeProperties properties, ProgressProperties progress, InstallationSource installationSource,
			ItemStreamReader<Company> companiesReader, ItemStreamWriter<Company> companiesWriter) {
		return new StepBuilder("collectCompaniesStep", jobRepository).<Company, Company>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(companiesReader)
			.writer(companiesWriter)
			.listener(new StepProgressListener(progress,
					() -> installationSource.expectedCount(InstallationCollection.COMPANIES)))
			.build();
	}

	@Bean
	Step collectTeamsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PhoneHomeProperties properties, ProgressProperties progress, InstallationSource installationSource,
			ItemStreamReader<Team> teamsReader, ItemStreamWriter<Team> teamsWriter) {
		return new StepBuilder("collectTeamsStep", jobRepository).<Team, Team>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(teamsReader)
			.writer(teamsWriter)
			.listener(new StepProgressListener(progress,
					() -> installationSource.expectedCount(InstallationCollection.TEAMS)))
			.build();
	}

	@Bean
	Step collectUsersStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PhoneHomeProperties properties, ProgressProperties progress, InstallationSource installationSource,
			ItemStreamReader<User> usersReader, ItemStreamWriter<User> usersWriter) {
		return new StepBuilder("collectUsersStep", jobRepository).<User, User>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(usersReader)
			.writer(usersWriter)
			.listener(new StepProgressListener(progress,
					() -> installationSource.expectedCount(InstallationCollection.USERS)))
			.build();
	}

	@Bean
	Step collectCodeReviewsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PhoneHomeProperties properties, ProgressProperties progress,
			ItemStreamReader<CodeReview> codeReviewsReader, ItemStreamWriter<CodeReview> codeReviewsWriter) {
		return new StepBuilder("collectCodeReviewsStep", jobRepository)
			.<CodeReview, CodeReview>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(codeReviewsReader)
			.writer(codeReviewsWriter)
			// the night's reviews are a filtered subset: no cheap total, so rate without ETA
			.listener(new StepProgressListener(progress, java.util.OptionalLong::empty))
			.build();
	}

	@Bean
	@StepScope
	ItemStreamWriter<Company> companiesWriter(NightWorkspace workspace,
			@Value("#{stepExecution}") StepExecution stepExecution) {
		return sectionWriter(workspace, stepExecution, PayloadSection.COMPANIES, PayloadJson::company);
	}

	@Bean
	@StepScope
	ItemStreamWriter<Team> teamsWriter(NightWorkspace workspace,
			@Value("#{stepExecution}") StepExecution stepExecution) {
		return sectionWriter(workspace, stepExecution, PayloadSection.TEAMS, PayloadJson::team);
	}

	@Bean
	@StepScope
	ItemStreamWriter<User> usersWriter(NightWorkspace workspace, @Value("#{stepExecution}") StepExecution stepExecution,
			@Value(NightContext.EMAILS_INCLUDED_VALUE) Boolean emailsIncluded) {
		boolean includeEmail = Boolean.TRUE.equals(emailsIncluded);
		return sectionWriter(workspace, stepExecution, PayloadSection.USERS, u -> PayloadJson.user(u, includeEmail));
	}

	@Bean
	@StepScope
	ItemStreamWriter<CodeReview> codeReviewsWriter(NightWorkspace workspace,
			@Value("#{stepExecution}") StepExecution stepExecution) {
		return sectionWriter(workspace, stepExecution, PayloadSection.CODE_REVIEWS, PayloadJson::codeReview);
	}

	private static <T> FlatFileItemWriter<T> sectionWriter(NightWorkspace workspace, StepExecution stepExecution,
			PayloadSection section, Function<T, String> json) {
		var part = workspace.partsDirectory(stepExecution.getJobExecution()).resolve(section.partFileName());
		return new FlatFileItemWriterBuilder<T>().name(section.key() + "Writer")
			.resource(new FileSystemResource(part))
			.encoding("UTF-8")
			.lineAggregator(json::apply)
			.shouldDeleteIfExists(true)
			.build();
	}

	// step 6: assemble, validate against the contract, archive

	@Bean
	Step assemblePayloadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			InstallationSource installationSource, NightWorkspace workspace, PayloadContract payloadContract) {
		return new StepBuilder("assemblePayloadStep", jobRepository)
			.tasklet(new AssemblePayloadTasklet(installationSource, workspace, payloadContract), transactionManager)
			.build();
	}

	// step 7: the audit of what was sent (or, for a skipped night, of why nothing was)

	@Bean
	AuditWriter auditWriter() {
		return new AuditWriter();
	}

	@Bean
	Step auditStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AuditWriter auditWriter, NightWorkspace workspace, Clock clock) {
		return new StepBuilder("auditStep", jobRepository)
			.tasklet(new WriteAuditTasklet(auditWriter, workspace, jobRepository, clock), transactionManager)
			.build();
	}

}
