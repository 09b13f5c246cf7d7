package dev.phonehome.changes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.phonehome.payload.PlanCategory;

/**
 * The email rule on both nights' companies, and the plan changes, as the companies stream past: every baseline
 * company is either matched or removed, and every company of tonight either matched or new, so both nights'
 * decisions are complete at the end of the section.
 */
final class DecisionTally {

	private boolean paidBefore;

	private boolean paidAfter;

	private final List<PlanChange> planChanges = new ArrayList<>();

	private long notListed;

	/** A company of both nights, of tonight only ({@code before} null) or of the baseline only ({@code after} null). */
	void company(Map<String, Object> before, Map<String, Object> after) {
		String planBefore = before == null ? null : (String) before.get("plan");
		String planAfter = after == null ? null : (String) after.get("plan");
		boolean paidPlanBefore = before != null && PlanCategory.of(planBefore).countsAsPaid();
		boolean paidPlanAfter = after != null && PlanCategory.of(planAfter).countsAsPaid();
		paidBefore |= paidPlanBefore;
		paidAfter |= paidPlanAfter;
		ChangeKind change;
		if (before != null && after != null) {
			change = Objects.equals(planBefore, planAfter) ? null : ChangeKind.CHANGED;
		}
		else {
			// a company coming or going changes the decision only if its plan counts as paid
			change = !(paidPlanBefore || paidPlanAfter) ? null : before == null ? ChangeKind.NEW : ChangeKind.REMOVED;
		}
		if (change == null) {
			return;
		}
		Map<String, Object> company = after != null ? after : before;
		if (planChanges.size() < NightChanges.LIST_CAP) {
			planChanges.add(new PlanChange((String) company.get("id"), String.valueOf(company.get("name")), change,
					planBefore, planAfter));
		}
		else {
			notListed++;
		}
	}

	DecisionChange toChange() {
		return new DecisionChange(!paidBefore, !paidAfter, planChanges, notListed);
	}

}
