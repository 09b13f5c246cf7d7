package dev.phonehome.source.jdbc;

/**
 * The store's queries, one per payload section, each ordered by the section's id. Public so the benchmark's raw
 * floor reads exactly the same rows.
 */
public final class StoreQueries {

	public static final String COMPANIES = """
			SELECT id, name, deactivated AS is_deactivated, created_at, creator_id, plan
			FROM companies
			ORDER BY id
			""";

	public static final String TEAMS = """
			SELECT id, name, company_id, deactivated AS is_deactivated, created_at, creator_id,
			       xray AS live_view, review_approval AS code_review_approval,
			       review_assignment AS code_review_assignment
			FROM teams
			ORDER BY id
			""";

	/**
	 * The users, in id order, without their activity: {@link #NIGHT_POSTS} and {@link #ADMINS} are read once each
	 * and looked up per user ({@code NightUsersReader}).
	 */
	private static final String USERS_BY_ID = """
			SELECT u.id, %s AS email, u.is_registered, u.deactivated AS is_deactivated,
			       u.registered_at, u.join_method, u.last_login, u.last_origin, u.last_origin_detail
			FROM users u
			ORDER BY u.id
			""";

	/**
	 * The night's posts, each with the count it goes to (an {@code ActivityTally} kind), in the order of the
	 * {@code posts_created_at} index. Each post of the window counts once, by the first rule that applies:
	 * reviewId -> reviews (2); codemarkId -> codemarksInReviews (1) or codemarks (0) by the codemark's reviewId,
	 * not at all when the codemark is missing (-1); parentPostId -> replies (3); otherwise nothing (-1). The
	 * codemark is a primary-key seek.
	 */
	public static final String NIGHT_POSTS = """
			SELECT p.creator_id,
			       CASE WHEN p.review_id IS NOT NULL THEN 2
			            WHEN p.codemark_id IS NOT NULL THEN
			                CASE WHEN c.id IS NULL THEN -1 WHEN c.review_id IS NULL THEN 0 ELSE 1 END
			            WHEN p.parent_post_id IS NOT NULL THEN 3
			            ELSE -1 END AS kind
			FROM posts p
			LEFT JOIN codemarks c ON c.id = p.codemark_id
			WHERE p.created_at >= ? AND p.created_at < ? AND p.creator_id IS NOT NULL
			""";

	/** isAdmin: an admin of a team the user belongs to (a few per team). */
	public static final String ADMINS = """
			SELECT ta.user_id
			FROM team_admins ta
			JOIN user_teams ut ON ut.user_id = ta.user_id AND ut.team_id = ta.team_id
			""";

	/**
	 * The users with their activity counted per user, for a night too active for the in-memory tally: the same
	 * rules as {@link #NIGHT_POSTS}, in one query.
	 * <p>H2 evaluates the grouped subquery once per user, with creator_id = u.id pushed in: the posts_creator
	 * index makes that a seek to the user's posts of the night. isAdmin starts from team_admins (a few per team)
	 * rather than user_teams (every membership): most users are not admins and miss at once.
	 */
	private static final String USERS_COUNTED_PER_USER = """
			SELECT u.id, %s AS email, u.is_registered, u.deactivated AS is_deactivated,
			       EXISTS (SELECT 1 FROM team_admins ta
			               JOIN user_teams ut ON ut.user_id = ta.user_id AND ut.team_id = ta.team_id
			               WHERE ta.user_id = u.id) AS is_admin,
			       u.registered_at, u.join_method, u.last_login, u.last_origin, u.last_origin_detail,
			       COALESCE(a.codemarks, 0) AS codemarks,
			       COALESCE(a.codemarks_in_reviews, 0) AS codemarks_in_reviews,
			       COALESCE(a.reviews, 0) AS reviews,
			       COALESCE(a.replies, 0) AS replies
			FROM users u
			LEFT JOIN (
			    SELECT p.creator_id,
			           SUM(CASE WHEN p.review_id IS NOT NULL THEN 1 ELSE 0 END) AS reviews,
			           SUM(CASE WHEN p.review_id IS NULL AND p.codemark_id IS NOT NULL
			                     AND c.id IS NOT NULL AND c.review_id IS NOT NULL THEN 1 ELSE 0 END) AS codemarks_in_reviews,
			           SUM(CASE WHEN p.review_id IS NULL AND p.codemark_id IS NOT NULL
			                     AND c.id IS NOT NULL AND c.review_id IS NULL THEN 1 ELSE 0 END) AS codemarks,
			           SUM(CASE WHEN p.review_id IS NULL AND p.codemark_id IS NULL
			                     AND p.parent_post_id IS NOT NULL THEN 1 ELSE 0 END) AS replies
			    FROM posts p
			    LEFT JOIN codemarks c ON c.id = p.codemark_id
			    WHERE p.created_at >= ? AND p.created_at < ?
			    GROUP BY p.creator_id
			) a ON a.creator_id = u.id
			ORDER BY u.id
			""";

	public static final String CODE_REVIEWS = """
			SELECT team_id, id AS review_id, created_at, approved_at
			FROM reviews
			WHERE (created_at >= ? AND created_at < ?) OR (approved_at >= ? AND approved_at < ?)
			ORDER BY id
			""";

	public static final String COMPANY_PLANS = "SELECT id AS company_id, name AS company_name, plan FROM companies ORDER BY id";

	public static final String INTEGRATIONS = "SELECT DISTINCT provider FROM user_providers ORDER BY provider";

	private StoreQueries() {
	}

	/** A paid night's query does not even select the address: it never leaves the database. */
	public static String usersById(boolean emailsIncluded) {
		return USERS_BY_ID.formatted(email(emailsIncluded));
	}

	/** {@link #usersById} with the night's counts and isAdmin per user (window start and end as parameters). */
	public static String usersCountedPerUser(boolean emailsIncluded) {
		return USERS_COUNTED_PER_USER.formatted(email(emailsIncluded));
	}

	private static String email(boolean emailsIncluded) {
		return emailsIncluded ? "u.email" : "CAST(NULL AS VARCHAR(1))";
	}

}
