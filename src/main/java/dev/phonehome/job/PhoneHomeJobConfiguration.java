package dev.phonehome.job;

import java.util.OptionalLong;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import dev.phonehome.approval.ScopeGateTasklet;
import dev.phonehome.audit.AuditWarmUp;
import dev.phonehome.audit.WriteAuditTasklet;
import dev.phonehome.changes.CompareNightTasklet;
import dev.phonehome.delivery.DeliverPayloadTasklet;
import dev.phonehome.home.PhoneHomeProperties;
import dev.phonehome.installation.InstallationCollection;
import dev.phonehome.payload.AssemblePayloadTasklet;
import dev.phonehome.payload.DecideNightTasklet;
import dev.phonehome.progress.ProgressProperties;
import dev.phonehome.progress.StepProgressListener;
import dev.phonehome.record.Jobs;
import dev.phonehome.record.NightRecordStore;
import dev.phonehome.source.CodeReview;
import dev.phonehome.source.Company;
import dev.phonehome.settings.ServicesConfigLoader;
import dev.phonehome.source.InstallationSource;
import dev.phonehome.source.Team;
import dev.phonehome.source.User;
import dev.phonehome.verify.NightChain;

/**
 * {@code phoneHomeJob}: one night's phone home, every step declared here.
 *
 * <pre>
 * decideNightStep --SKIPPED--> auditStep          (a paid installation switched the phone home off)
 *        |
 *        +--> collectCompaniesStep -> collectTeamsStep -> collectUsersStep -> collectCodeReviewsStep
 *             -> assemblePayloadStep -> compareNightStep -> scopeGateStep --HELD--> auditStep   (held for approval)
 *                                                                 |
 *                                                                 +--> deliverPayloadStep -> auditStep
 * meanwhile the audit's templates and fonts load in the background ({@link AuditWarmUp});
 * then, whatever the outcome: the execution's record is linked into the record chain ({@link NightClosing}).
 * </pre>
 * The collect steps read their section from the active source ({@code companiesReader}, ...: the job does not
 * know which store is behind them) and stage it as JSON lines; restarting a failed night resumes at the step, and
 * the chunk, where it failed. The night ({@code run.date}) is the job instance. Tasklets and writers come from the
 * features (payload, delivery, audit); {@link NightLauncher} starts, resumes and recovers executions.
 */
@Configuration(proxyBeanMethods = false)
public class PhoneHomeJobConfiguration {

	public static final String JOB_NAME = Jobs.PHONE_HOME;

	@Bean
	Job phoneHomeJob(JobRepository jobRepository, NightClosing nightClosing, AuditWarmUp auditWarmUp,
			Step decideNightStep,
			Step collectCompaniesStep, Step collectTeamsStep, Step collectUsersStep, Step collectCodeReviewsStep,
			Step assemblePayloadStep, Step compareNightStep, Step scopeGateStep, Step deliverPayloadStep,
			Step auditStep) {
		return new JobBuilder(JOB_NAME, jobRepository).listener(nightClosing)
			.listener(auditWarmUp)
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
			.next(compareNightStep)
			.next(scopeGateStep)
			.on(ExitStatus.FAILED.getExitCode())
			.fail()
			.from(scopeGateStep)
			.on(ScopeGateTasklet.HELD)
			.to(auditStep)
			.from(scopeGateStep)
			.on("*")
			.to(deliverPayloadStep)
			.next(auditStep)
			.end()
			.build();
	}

	@Bean
	NightClosing nightClosing(JobRepository jobRepository, NightRecordStore records, NightChain chain,
			WorkArea workArea) {
		return new NightClosing(jobRepository, records, chain, workArea);
	}

	@Bean
	NightLock nightLock(javax.sql.DataSource dataSource) {
		return new NightLock(dataSource);
	}

	// step 1: decide (plans, emails, switch-off); record the decisions

	@Bean
	Step decideNightStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DecideNightTasklet decideNightTasklet) {
		return new StepBuilder("decideNightStep", jobRepository).tasklet(decideNightTasklet, transactionManager)
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
			.listener(new StepProgressListener(progress, OptionalLong::empty))
			.build();
	}

	// step 6: assemble, validate against the contract, archive

	@Bean
	Step assemblePayloadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AssemblePayloadTasklet assemblePayloadTasklet) {
		return new StepBuilder("assemblePayloadStep", jobRepository)
			.tasklet(assemblePayloadTasklet, transactionManager)
			.build();
	}

	// step 7: what changed since the night sent before (counts and digests into the record; the audit shows them)

	@Bean
	Step compareNightStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CompareNightTasklet compareNightTasklet) {
		return new StepBuilder("compareNightStep", jobRepository).tasklet(compareNightTasklet, transactionManager)
			.build();
	}

	// step 8: the scope gate (approval): a night whose scope grew in a way the policy lists is held, not sent

	@Bean
	Step scopeGateStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ScopeGateTasklet scopeGateTasklet) {
		return new StepBuilder("scopeGateStep", jobRepository).tasklet(scopeGateTasklet, transactionManager).build();
	}

	// step 9: queue the night in the outbox, send every pending night

	@Bean
	Step deliverPayloadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DeliverPayloadTasklet deliverPayloadTasklet) {
		return new StepBuilder("deliverPayloadStep", jobRepository)
			.tasklet(deliverPayloadTasklet, transactionManager)
			.build();
	}

	// step 9: the audit of what was sent (or, for a skipped night, of why nothing was)

	@Bean
	Step auditStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			WriteAuditTasklet writeAuditTasklet) {
		return new StepBuilder("auditStep", jobRepository).tasklet(writeAuditTasklet, transactionManager).build();
	}

}
