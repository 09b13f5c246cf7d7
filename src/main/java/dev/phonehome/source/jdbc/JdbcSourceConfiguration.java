package dev.phonehome.source.jdbc;

import java.time.LocalDate;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.phonehome.home.PhoneHomeProperties;
import dev.phonehome.source.CodeReview;
import dev.phonehome.source.Company;
import dev.phonehome.source.InstallationSource;
import dev.phonehome.record.NightParameters;
import dev.phonehome.record.NightRecords;
import dev.phonehome.record.NightWindow;
import dev.phonehome.source.SourceDecision;
import dev.phonehome.source.SourceSelection;
import dev.phonehome.source.Team;
import dev.phonehome.source.User;

/**
 * Reads the installation from the embedded store (H2, or PostgreSQL in production) with cursor readers ordered by
 * id: one query per section, streamed in fetch-size batches, never a whole table in memory. The per-user counts
 * come from one pass over the night's posts ({@link NightUsersReader}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SourceSelection.EmbeddedStore.class)
public class JdbcSourceConfiguration {

	@Bean
	InstallationSource installationSource(JdbcTemplate jdbc, SourceDecision decision) {
		return new JdbcInstallationSource(jdbc, decision);
	}

	@Bean
	@StepScope
	ItemStreamReader<Company> companiesReader(DataSource dataSource, PhoneHomeProperties properties) {
		return new JdbcCursorItemReaderBuilder<Company>().name("companiesReader")
			.dataSource(dataSource)
			.fetchSize(properties.fetchSize())
			.sql(StoreQueries.COMPANIES)
			.rowMapper(StoreRows.COMPANY)
			.build();
	}

	@Bean
	@StepScope
	ItemStreamReader<Team> teamsReader(DataSource dataSource, PhoneHomeProperties properties) {
		return new JdbcCursorItemReaderBuilder<Team>().name("teamsReader")
			.dataSource(dataSource)
			.fetchSize(properties.fetchSize())
			.sql(StoreQueries.TEAMS)
			.rowMapper(StoreRows.TEAM)
			.build();
	}

	@Bean
	@StepScope
	ItemStreamReader<User> usersReader(DataSource dataSource, PhoneHomeProperties properties,
			@Value(NightParameters.NIGHT) LocalDate night,
			@Value(NightRecords.EMAILS_INCLUDED_VALUE) Boolean emailsIncluded) {
		return new NightUsersReader(dataSource, NightWindow.of(night), Boolean.TRUE.equals(emailsIncluded),
				properties.fetchSize(), NightUsersReader.tallyBound());
	}

	@Bean
	@StepScope
	ItemStreamReader<CodeReview> codeReviewsReader(DataSource dataSource, PhoneHomeProperties properties,
			@Value(NightParameters.NIGHT) LocalDate night) {
		NightWindow window = NightWindow.of(night);
		return new JdbcCursorItemReaderBuilder<CodeReview>().name("codeReviewsReader")
			.dataSource(dataSource)
			.fetchSize(properties.fetchSize())
			.sql(StoreQueries.CODE_REVIEWS)
			.preparedStatementSetter(new ArgumentPreparedStatementSetter(new Object[] { window.startMillis(),
					window.endMillis(), window.startMillis(), window.endMillis() }))
			.rowMapper(StoreRows.CODE_REVIEW)
			.build();
	}

}
