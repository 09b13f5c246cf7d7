package dev.phonehome.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.phonehome.source.CompanyPlan;

class EmailDecisionTests {

	@ParameterizedTest
	@ValueSource(strings = { "FREEPLAN", "14DAYTRIAL", "30DAYTRIAL", "SALES", "TRIALEXPIRED", "UNEXPIRED" })
	void freeAndTrialPlansShouldIncludeEmails(String plan) {
		EmailDecision decision = EmailDecision.of(List.of(company("a", plan)));

		assertThat(decision.paid()).isFalse();
		assertThat(decision.emailsIncluded()).isTrue();
		assertThat(decision.reason()).startsWith("emails included");
	}

	@ParameterizedTest
	@ValueSource(strings = { "BUSINESS", "ENTERPRISE" })
	void onePaidCompanyShouldMakeTheInstallationPaid(String plan) {
		EmailDecision decision = EmailDecision
			.of(List.of(company("a", "FREEPLAN"), company("b", plan), company("c", null)));

		assertThat(decision.paid()).isTrue();
		assertThat(decision.emailsIncluded()).isFalse();
		assertThat(decision.decidingCompanies()).extracting(CompanyPlan::companyId).containsExactly("b");
		assertThat(decision.reason()).contains("company b", plan);
	}

	@Test
	void companyWithoutPlanShouldCountAsFreePlan() {
		EmailDecision decision = EmailDecision.of(List.of(company("a", null)));

		assertThat(decision.paid()).isFalse();
		assertThat(decision.planCounts()).containsEntry(EmailDecision.NO_PLAN, 1);
	}

	@Test
	void unknownPlanShouldBeTreatedAsPaidAndNamed() {
		EmailDecision decision = EmailDecision.of(List.of(company("a", "14DAYTRIAL"), company("b", "GOLD")));

		assertThat(decision.paid()).isTrue();
		assertThat(decision.unknownPlans()).containsExactly("GOLD");
		assertThat(decision.reason()).contains("unknown plan GOLD", "treated as paid");
	}

	@Test
	void installationWithoutCompaniesShouldBeFree() {
		assertThat(EmailDecision.of(List.of()).emailsIncluded()).isTrue();
	}

	@Test
	void planValuesShouldBeMatchedExactly() {
		// "business" is not BUSINESS: unknown, hence paid (when in doubt, no emails leave)
		assertThat(PlanCategory.of("business")).isEqualTo(PlanCategory.UNKNOWN);
		assertThat(PlanCategory.of("business").countsAsPaid()).isTrue();
	}

	@Test
	void switchOffShouldBeHonouredOnlyForPaidInstallations() {
		EmailDecision paid = EmailDecision.of(List.of(company("a", "ENTERPRISE")));
		EmailDecision free = EmailDecision.of(List.of(company("a", "FREEPLAN")));

		assertThat(SwitchOffDecision.of(true, paid)).isEqualTo(SwitchOffDecision.HONOURED);
		assertThat(SwitchOffDecision.of(true, paid).skipsTheNight()).isTrue();
		assertThat(SwitchOffDecision.of(true, free)).isEqualTo(SwitchOffDecision.IGNORED);
		assertThat(SwitchOffDecision.of(true, free).skipsTheNight()).isFalse();
		assertThat(SwitchOffDecision.of(false, paid)).isEqualTo(SwitchOffDecision.NOT_SET);
	}

	private static CompanyPlan company(String id, String plan) {
		return new CompanyPlan(id, "Company " + id, plan);
	}

}
