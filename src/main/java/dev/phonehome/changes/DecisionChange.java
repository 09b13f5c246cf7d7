package dev.phonehome.changes;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The email decision on both nights (by the contract's rule on each payload's companies: emails are included
 * when no company is on a plan that counts as paid) and the plan changes that explain it.
 *
 * @param planChanges at most {@link NightChanges#LIST_CAP}, in company id order
 * @param planChangesNotListed how many more plan changes there were
 */
public record DecisionChange(boolean emailsIncludedBefore, boolean emailsIncludedAfter, List<PlanChange> planChanges,
		long planChangesNotListed) {

	public DecisionChange {
		planChanges = List.copyOf(planChanges);
	}

	public boolean changed() {
		return emailsIncludedBefore != emailsIncludedAfter;
	}

	/** One sentence: the decision, whether it changed, and the plan changes behind it. */
	public String describe() {
		String decision;
		if (!changed()) {
			decision = emailsIncludedAfter ? "emails still included: no company is on a paid plan"
					: "emails still redacted: the installation is still paid";
		}
		else {
			decision = emailsIncludedAfter ? "emails now included: no company is on a paid plan any more"
					: "emails now redacted: the installation became paid";
		}
		if (planChanges.isEmpty()) {
			return decision + (changed() ? "" : "; no plan changed");
		}
		String plans = planChanges.stream().limit(3).map(PlanChange::describe).collect(Collectors.joining("; "));
		long more = planChanges.size() - Math.min(3, planChanges.size()) + planChangesNotListed;
		return decision + "; plans: " + plans + (more > 0 ? "; and " + more + " more" : "");
	}

}
