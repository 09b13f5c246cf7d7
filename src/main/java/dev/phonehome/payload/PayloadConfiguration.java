package dev.phonehome.payload;

import java.util.function.Function;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemWriterBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;

import dev.phonehome.home.ArchiveCopies;
import dev.phonehome.home.NightWorkspace;
import dev.phonehome.record.NightRecordStore;
import dev.phonehome.record.NightRecords;
import dev.phonehome.source.CodeReview;
import dev.phonehome.source.Company;
import dev.phonehome.settings.ServicesConfigLoader;
import dev.phonehome.source.InstallationSource;
import dev.phonehome.source.StoreCheck;
import dev.phonehome.source.Team;
import dev.phonehome.source.User;

/**
 * What the payload feature gives {@code phoneHomeJob}: the decide and assemble tasklets, and a writer per section
 * that stages the section's items as JSON lines, one file per job instance (a restarted night finds what the
 * failed execution staged). The job configuration puts them into steps.
 */
@Configuration(proxyBeanMethods = false)
public class PayloadConfiguration {

	@Bean
	PayloadContract payloadContract() {
		return new PayloadContract();
	}

	@Bean
	DecideNightTasklet decideNightTasklet(InstallationSource installationSource, NightRecordStore records,
			ServicesConfigLoader configs, StoreCheck storeCheck) {
		return new DecideNightTasklet(installationSource, records, configs, storeCheck);
	}

	@Bean
	AssemblePayloadTasklet assemblePayloadTasklet(InstallationSource installationSource, NightWorkspace workspace,
			PayloadContract payloadContract, NightRecordStore records, ArchiveCopies copies) {
		return new AssemblePayloadTasklet(installationSource, workspace, payloadContract, records, copies);
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
			@Value(NightRecords.EMAILS_INCLUDED_VALUE) Boolean emailsIncluded) {
		boolean includeEmail = Boolean.TRUE.equals(emailsIncluded);
		return sectionWriter(workspace, stepExecution, PayloadSection.USERS, u -> PayloadJson.user(u, includeEmail));
	}

	@Bean
	@StepScope
	ItemStreamWriter<CodeReview> codeReviewsWriter(NightWorkspace workspace,
			@Value("#{stepExecution}") StepExecution stepExecution) {
		return sectionWriter(workspace, stepExecution, PayloadSection.CODE_REVIEWS, PayloadJson::codeReview);
	}

	private static <T> ItemStreamWriter<T> sectionWriter(NightWorkspace workspace, StepExecution stepExecution,
			PayloadSection section, Function<T, String> json) {
		var part = workspace.partsDirectory(stepExecution.getJobExecution()).resolve(section.partFileName());
		FlatFileItemWriter<T> lines = new FlatFileItemWriterBuilder<T>().name(section.key() + "Writer")
			.resource(new FileSystemResource(part))
			.encoding("UTF-8")
			.lineAggregator(json::apply)
			.shouldDeleteIfExists(true)
			.build();
		return new SectionPartWriter<>(lines, part);
	}

}
