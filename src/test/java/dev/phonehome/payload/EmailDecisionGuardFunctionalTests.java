package dev.phonehome.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.phonehome.PhoneHomeTestSupport;
import dev.phonehome.cli.ExitCode;
import dev.phonehome.installation.InstallationCollection;
import dev.phonehome.source.CompanyPlan;
import dev.phonehome.source.InstallationSource;

/**
 * Issue 11: the email decision must hold for the payload actually written. The decision is forced wrong here (the
 * source tells the email rule that every company is on FREEPLAN, while the companies section read later holds the
 * paid demo's BUSINESS company): the users are staged with their addresses, and the guard where the payload is
 * assembled refuses to archive it. The night fails with a message that says so in words, nothing is archived or
 * queued, and no address is printed.
 */
class EmailDecisionGuardFunctionalTests extends PhoneHomeTestSupport {

	/** The paid demo's company on the BUSINESS plan. */
	private static final String BUSINESS_COMPANY = businessCompanyId();

	@Test
	void aPayloadWithEmailsAndAPaidCompanyShouldNeverBeArchived() throws IOException {
		// given
		assertThat(cli("import", "--from", demoDump("paid")).exitCode()).isZero();

		// when
		CliResult run = cli("run", "--date", "2026-11-20", "--config", demoConfig("paid"));

		// then
		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.JOB_FAILED.code());
		assertThat(run.err()).contains("the payload breaks the contract",
				"the night decided to include emails, but company " + BUSINESS_COMPANY
						+ " of this payload is on a paid or unknown plan, so no user may carry an email",
				"an email key on a paid night");
		try (Stream<Path> files = Files.walk(HOME.resolve("nights"))) {
			assertThat(files.filter(f -> f.getFileName().toString().startsWith("payload"))).isEmpty();
		}
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM phonehome_outbox", Integer.class)).isZero();
		assertThat(run.out() + run.err()).doesNotContain("@");
		assertThat(jdbc.queryForList("SELECT exit_message FROM BATCH_STEP_EXECUTION UNION ALL "
				+ "SELECT exit_message FROM BATCH_JOB_EXECUTION", String.class))
			.noneMatch(message -> message != null && message.contains(".example"));
	}

	private static String businessCompanyId() {
		try {
			return Files.readAllLines(Path.of(demoDump("paid")).resolve("companies.json"))
				.stream()
				.filter(line -> line.contains("\"plan\":\"BUSINESS\""))
				.map(line -> line.replaceAll(".*\"_id\":\\{\"\\$oid\":\"([0-9a-f]{24})\"}.*", "$1"))
				.findFirst()
				.orElseThrow();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@TestConfiguration
	static class WrongDecision {

		/** The real source for everything but the plans the email rule reads: those all say FREEPLAN. */
		@Bean
		@Primary
		InstallationSource everyCompanyLooksFree(@Qualifier("installationSource") InstallationSource real) {
			return new InstallationSource() {

				@Override
				public List<CompanyPlan> companyPlans() {
					return real.companyPlans()
						.stream()
						.map(company -> new CompanyPlan(company.companyId(), company.companyName(), "FREEPLAN"))
						.toList();
				}

				@Override
				public List<String> integrations() {
					return real.integrations();
				}

				@Override
				public String describe() {
					return real.describe();
				}

				@Override
				public OptionalLong expectedCount(InstallationCollection collection) {
					return real.expectedCount(collection);
				}

			};
		}

	}

}
