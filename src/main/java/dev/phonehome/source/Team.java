package dev.phonehome.source;

/**
 * A team as the payload sends it. The three settings take the contract's defaults when unset or empty:
 * {@code liveView} = settings.xray ("user"), {@code codeReviewApproval} = settings.reviewApproval ("user"),
 * {@code codeReviewAssignment} = settings.reviewAssignment ("authorship2").
 */
public record Team(String id, String name, String companyId, boolean isDeactivated, Long createdAt, String creatorId,
		String liveView, String codeReviewApproval, String codeReviewAssignment) {

	public static final String DEFAULT_LIVE_VIEW = "user";

	public static final String DEFAULT_CODE_REVIEW_APPROVAL = "user";

	public static final String DEFAULT_CODE_REVIEW_ASSIGNMENT = "authorship2";

	public Team {
		liveView = orDefault(liveView, DEFAULT_LIVE_VIEW);
		codeReviewApproval = orDefault(codeReviewApproval, DEFAULT_CODE_REVIEW_APPROVAL);
		codeReviewAssignment = orDefault(codeReviewAssignment, DEFAULT_CODE_REVIEW_ASSIGNMENT);
	}

	private static String orDefault(String value, String fallback) {
		return (value == null || value.isEmpty()) ? fallback : value;
	}

}
