package dev.phonehome.changes;

/**
 * A company whose plan changed, or a company on a plan that counts as paid that came or went: what explains a
 * change of the email decision. Plans as stored ({@code null}: no plan, which counts as FREEPLAN).
 *
 * @param change {@code CHANGED}, or {@code NEW} / {@code REMOVED} for a company that came or went
 * @param planBefore the baseline's plan ({@code null} for a new company)
 * @param planAfter tonight's plan ({@code null} for a removed company)
 */
public record PlanChange(String companyId, String companyName, ChangeKind change, String planBefore,
		String planAfter) {

	/** In words: {@code Globex Corporation (69174d…): FREEPLAN -> BUSINESS}. */
	public String describe() {
		String company = companyName + " (" + companyId + ")";
		return switch (change) {
			case NEW -> "new company " + company + " on " + plan(planAfter);
			case REMOVED -> "company " + company + " removed (was on " + plan(planBefore) + ")";
			case CHANGED -> company + ": " + plan(planBefore) + " -> " + plan(planAfter);
		};
	}

	private static String plan(String plan) {
		return plan == null ? "no plan" : plan;
	}

}
