package dev.phonehome.source.mongo;

import dev.phonehome.installation.CompanyDocument;
import dev.phonehome.installation.ReviewDocument;
import dev.phonehome.installation.TeamDocument;
import dev.phonehome.source.CodeReview;
import dev.phonehome.source.Company;
import dev.phonehome.source.CompanyPlan;
import dev.phonehome.record.NightWindow;
import dev.phonehome.source.Team;

/** Kept documents as payload items: the column lists of StoreQueries, field by field. */
final class PayloadItems {

	private PayloadItems() {
	}

	static Company company(CompanyDocument c) {
		return new Company(c.id(), c.name(), c.deactivated(), c.createdAt(), c.creatorId(), c.plan());
	}

	static CompanyPlan companyPlan(CompanyDocument c) {
		return new CompanyPlan(c.id(), c.name(), c.plan());
	}

	/** The record applies the settings' defaults, as it does for the store's rows. */
	static Team team(TeamDocument t) {
		return new Team(t.id(), t.name(), t.companyId(), t.deactivated(), t.createdAt(), t.creatorId(), t.xray(),
				t.reviewApproval(), t.reviewAssignment());
	}

	/**
	 * A review created or approved in the night, else {@code null}. MongoDB already selected the night's reviews;
	 * this repeats the rule on the kept milliseconds, so the two sources agree even on a Decimal128 timestamp.
	 */
	static CodeReview codeReview(ReviewDocument r, NightWindow window) {
		boolean created = r.createdAt() != null && window.contains(r.createdAt());
		boolean approved = r.approvedAt() != null && window.contains(r.approvedAt());
		return (created || approved) ? new CodeReview(r.teamId(), r.id(), r.createdAt(), r.approvedAt()) : null;
	}

}
