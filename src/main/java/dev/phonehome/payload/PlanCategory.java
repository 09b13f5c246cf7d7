package dev.phonehome.payload;

import java.util.Set;

/** How the email rule classifies a company's plan (shared/contract/phone-home-payload.md, "The email rule"). */
public enum PlanCategory {

	FREE_OR_TRIAL, PAID,
	/** Not one of the eight known plans: treated as paid, since when in doubt no emails leave. */
	UNKNOWN;

	private static final Set<String> PAID_PLANS = Set.of("BUSINESS", "ENTERPRISE");

	private static final Set<String> FREE_OR_TRIAL_PLANS = Set.of("FREEPLAN", "14DAYTRIAL", "30DAYTRIAL", "SALES",
			"TRIALEXPIRED", "UNEXPIRED");

	/** A company with no plan counts as {@code FREEPLAN}. */
	public static PlanCategory of(String plan) {
		if (plan == null || FREE_OR_TRIAL_PLANS.contains(plan)) {
			return FREE_OR_TRIAL;
		}
		return PAID_PLANS.contains(plan) ? PAID : UNKNOWN;
	}

	public boolean countsAsPaid() {
		return this != FREE_OR_TRIAL;
	}

}
