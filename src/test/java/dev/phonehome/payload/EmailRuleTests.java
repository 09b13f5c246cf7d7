package dev.phonehome.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.phonehome.record.SwitchOffDecision;
import dev.phonehome.source.CompanyPlan;

class EmailRuleTests {

	@ParameterizedTest
	@ValueSource(strings = { "FREEPLAN", "14DAYTRIAL", "30DAYTRIAL", "SALES", "TRIALEXPIRED", "UNEXPIRED" })
	void freeAndTrialPlansShouldIncludeEmails(String plan) {
		EmailRule decision = EmailRule.apply(List.of(company("a", plan)));

		assertThat(decision.paid()).isFalse();
		assertThat(decision.emailsIncluded()).isTrue();
		assertThat(decision.reason()).startsWith("emails included");
	}

	@ParameterizedTest
	@ValueSource(strings = { "BUSINESS", "ENTERPRISE" })
	void onePaidCompanyShouldMakeTheInstallationPaid(String plan) {
		EmailRule decision = EmailRule
			.apply(List.of(company("a", "FREEPLAN"), company("b", plan), company("c", null)));

		assertThat(decision.paid()).isTrue();
		assertThat(decision.emailsIncluded()).isFalse();
		assertThat(decision.decidingCompanies()).extracting(CompanyPlan::companyId).containsExactly("b");
		assertThat(decision.reason()).contains("company b", plan);
	}

	@Test
	void companyWithoutPlanShouldCountAsFreePlan() {
		EmailRule decision = EmailRule.apply(List.of(company("a", null)));

		assertThat(decision.paid()).isFalse();
		assertThat(decision.planCounts()).containsEntry(EmailRule.NO_PLAN, 1);
	}

	@Test
	void unknownPlanShouldBeTreatedAsPaidAndNamed() {
		EmailRule decision = EmailRule.apply(List.of(company("a", "14DAYTRIAL"), company("b", "GOLD")));

		assertThat(decision.paid()).isTrue();
		assertThat(decision.unknownPlans()).containsExactly("GOLD");
		assertThat(decision.reason()).contains("unknown plan GOLD", "treated as paid");
	}

	@Test
	void installationWithoutCompaniesShouldBeFree() {
		assertThat(EmailRule.apply(List.of()).emailsIncluded()).isTrue();
	}

	@Test
	void planValuesShouldBeMatchedExactly() {
		// "business" is not BUSINESS: unknown, hence paid (when in doubt, no emails leave)
		assertThat(PlanCategory.of("business")).isEqualTo(PlanCategory.UNKNOWN);
		assertThat(PlanCategory.of("business").countsAsPaid()).isTrue();
	}

	@Test
	void switchOffShouldBeHonouredOnlyForPaidInstallations() {
		EmailRule paid = EmailRule.apply(List.of(company("a", "ENTERPRISE")));
		EmailRule free = EmailRule.apply(List.of(company("a", "FREEPLAN")));

		assertThat(SwitchOffDecision.of(true, paid.paid())).isEqualTo(SwitchOffDecision.HONOURED);
		assertThat(SwitchOffDecision.of(true, paid.paid()).skipsTheNight()).isTrue();
		assertThat(SwitchOffDecision.of(true, free.paid())).isEqualTo(SwitchOffDecision.IGNORED);
		assertThat(SwitchOffDecision.of(true, free.paid()).skipsTheNight()).isFalse();
		assertThat(SwitchOffDecision.of(false, paid.paid())).isEqualTo(SwitchOffDecision.NOT_SET);
	}

	private static CompanyPlan company(String id, String plan) {
		return new CompanyPlan(id, "Company " + id, plan);
	}

}
