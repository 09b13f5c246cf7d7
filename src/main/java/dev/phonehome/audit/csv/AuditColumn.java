package dev.phonehome.audit.csv;

/**
 * The columns of {@code audit.csv}, in order; the constant names are the header. They are spelled like the
 * payload's own fields (not in Java's upper case) so that a column holds exactly the field of the same name, and
 * each timestamp's ISO-8601 UTC reading sits in the {@code ...Utc} column beside it. Documented, with the record
 * types that use each column, in {@code reports/README.md}.
 */
public enum AuditColumn {

	/** audit, installation, integration, company, team, user or codeReview. */
	recordType,

	// the audit row: what this audit is about
	night, windowStart, windowStartUtc, windowEnd, windowEndUtc, executionId, runMode, deliveryStatus,
	payloadSha256, payloadSize, note,

	// the installation row: the payload's top-level fields
	date, dateUtc, installationId, installationVersion, outboundEmailEnabled, slackInteractiveComponentsEnabled,

	// one integration row per name in the payload's integrations
	integration,

	// company, team, user and codeReview rows: every field of the item as sent
	id, name, email, emailStatus, companyId, teamId, reviewId, isDeactivated, isRegistered, isAdmin, createdAt,
	createdAtUtc, creatorId, plan, liveView, codeReviewApproval, codeReviewAssignment, registeredAt, registeredAtUtc,
	joinMethod, lastLogin, lastLoginUtc, lastOrigin, lastOriginDetail, codemarks, codemarksInReviews, reviews,
	replies, approvedAt, approvedAtUtc,

	// since the night sent before: NEW, "CHANGED: fields", REMOVED (rows at the end), empty when unchanged; the
	// audit row holds the one-line summary
	change;

	/** The column of a payload field. */
	public static AuditColumn ofField(String field) {
		try {
			return valueOf(field);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("the payload has a field the audit does not know: '" + field
					+ "' (the contract lists every field that may be sent)", ex);
		}
	}

}
