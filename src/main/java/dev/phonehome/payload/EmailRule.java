package dev.phonehome.payload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.phonehome.record.NightRecord;
import dev.phonehome.source.CompanyPlan;

/**
 * The email rule (shared/contract/phone-home-payload.md) applied to an installation's companies: paid when at least one company (deactivated ones
 * included) is on a paid plan or on a plan nobody knows; only a free or trial installation sends addresses.
 *
 * @param paid the installation counts as paid
 * @param decidingCompanies the companies that made it paid (all of them; empty for a free installation)
 * @param unknownPlans plan values outside the eight known ones, which the audit names
 * @param planCounts how many companies are on each plan ("none" for no plan), for the audit
 * @param reason one sentence for the run summary, the history and the audit
 */
public record EmailRule(boolean paid, List<CompanyPlan> decidingCompanies, List<String> unknownPlans,
		Map<String, Integer> planCounts, String reason) {

	public static final String NO_PLAN = "none";

	public boolean emailsIncluded() {
		return !paid;
	}

	/** The rule's reading of the plans, as the night's record keeps it (company ids only). */
	public NightRecord.PlanDecision planDecision() {
		return new NightRecord.PlanDecision(paid, planCounts,
				decidingCompanies.stream().map(CompanyPlan::companyId).toList(), unknownPlans);
	}

	public NightRecord.EmailDecision emailDecision() {
		return new NightRecord.EmailDecision(emailsIncluded(), reason);
	}

	public static EmailRule apply(List<CompanyPlan> companies) {
		List<CompanyPlan> deciding = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		Map<String, Integer> planCounts = new TreeMap<>();
		for (CompanyPlan company : companies) {
			PlanCategory category = PlanCategory.of(company.plan());
			planCounts.merge(company.plan() == null ? NO_PLAN : company.plan(), 1, Integer::sum);
			if (category.countsAsPaid()) {
				deciding.add(company);
			}
			if (category == PlanCategory.UNKNOWN && !unknown.contains(company.plan())) {
				unknown.add(company.plan());
			}
		}
		boolean paid = !deciding.isEmpty();
		return new EmailRule(paid, List.copyOf(deciding), List.copyOf(unknown), planCounts,
				reason(paid, deciding, unknown, companies.size()));
	}

	private static String reason(boolean paid, List<CompanyPlan> deciding, List<String> unknown, int companies) {
		if (!paid) {
			return "emails included: free or trial installation, none of its " + companies
					+ " companies is on a paid plan (BUSINESS, ENTERPRISE)";
		}
		CompanyPlan first = deciding.get(0);
		String others = deciding.size() > 1 ? " and " + (deciding.size() - 1) + " other companies" : "";
		String why = unknown.contains(first.plan())
				? "is on the unknown plan " + first.plan() + ", treated as paid (when in doubt, no emails leave)"
				: "is on the paid plan " + first.plan();
		return "emails redacted: paid installation, company " + first.companyId() + others + " " + why;
	}

}
