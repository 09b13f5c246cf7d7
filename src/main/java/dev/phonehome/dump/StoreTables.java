package dev.phonehome.dump;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.phonehome.dump.StagingWriter.StagingTable;
import dev.phonehome.dump.StagingWriter.StagingTable.Child;
import dev.phonehome.installation.CodemarkDocument;
import dev.phonehome.installation.CompanyDocument;
import dev.phonehome.installation.InstallationCollection;
import dev.phonehome.installation.PostDocument;
import dev.phonehome.installation.ReviewDocument;
import dev.phonehome.installation.TeamDocument;
import dev.phonehome.installation.UserDocument;

/**
 * How each kept document maps onto the store's tables (src/main/resources/store/schema-*.sql). An import writes
 * the {@code import_} staging copy of each table; publishing copies them over the live tables.
 */
final class StoreTables {

	static final String STAGING_PREFIX = "import_";

	static final StagingTable<CompanyDocument> COMPANIES = new StagingTable<>(STAGING_PREFIX + "companies",
			List.of("id", "name", "plan", "deactivated", "created_at", "creator_id"),
			c -> new Object[] { c.id(), c.name(), c.plan(), c.deactivated(), c.createdAt(), c.creatorId() }, List.of());

	static final StagingTable<TeamDocument> TEAMS = new StagingTable<>(STAGING_PREFIX + "teams",
			List.of("id", "name", "company_id", "deactivated", "created_at", "creator_id", "xray", "review_approval",
					"review_assignment"),
			t -> new Object[] { t.id(), t.name(), t.companyId(), t.deactivated(), t.createdAt(), t.creatorId(),
					t.xray(), t.reviewApproval(), t.reviewAssignment() },
			List.of(new Child<>(STAGING_PREFIX + "team_admins", List.of("team_id", "user_id"),
					t -> t.adminIds().stream().map(userId -> new Object[] { t.id(), userId }).toList())));

	static final StagingTable<UserDocument> USERS = new StagingTable<>(STAGING_PREFIX + "users",
			List.of("id", "email", "is_registered", "deactivated", "registered_at", "join_method", "last_login",
					"last_origin", "last_origin_detail", "external_user_id"),
			u -> new Object[] { u.id(), u.email(), u.isRegistered(), u.deactivated(), u.registeredAt(), u.joinMethod(),
					u.lastLogin(), u.lastOrigin(), u.lastOriginDetail(), u.externalUserId() },
			List.of(new Child<>(STAGING_PREFIX + "user_teams", List.of("user_id", "team_id"),
					u -> u.teamIds().stream().map(teamId -> new Object[] { u.id(), teamId }).toList()),
					new Child<>(STAGING_PREFIX + "user_providers", List.of("user_id", "provider"),
							u -> u.providersWithToken().stream().map(p -> new Object[] { u.id(), p }).toList())));

	static final StagingTable<PostDocument> POSTS = new StagingTable<>(STAGING_PREFIX + "posts",
			List.of("id", "creator_id", "created_at", "codemark_id", "review_id", "parent_post_id"),
			p -> new Object[] { p.id(), p.creatorId(), p.createdAt(), p.codemarkId(), p.reviewId(), p.parentPostId() },
			List.of());

	static final StagingTable<CodemarkDocument> CODEMARKS = new StagingTable<>(STAGING_PREFIX + "codemarks",
			List.of("id", "review_id", "created_at"), c -> new Object[] { c.id(), c.reviewId(), c.createdAt() },
			List.of());

	static final StagingTable<ReviewDocument> REVIEWS = new StagingTable<>(STAGING_PREFIX + "reviews",
			List.of("id", "team_id", "created_at", "approved_at", "creator_id"),
			r -> new Object[] { r.id(), r.teamId(), r.createdAt(), r.approvedAt(), r.creatorId() }, List.of());

	private StoreTables() {
	}

	/** Every staging table with its column list, parents before children. */
	static List<StagingTable.Child<?>> allStagingTables() {
		return Stream.of(COMPANIES, TEAMS, USERS, POSTS, CODEMARKS, REVIEWS)
			.<StagingTable.Child<?>>flatMap(t -> Stream.concat(Stream.of(new Child<>(t.name(), t.columns(), x -> List.of())),
					t.children().stream()))
			.toList();
	}

	/** The collection whose file fills a main staging table (not a child table's), or null. */
	static InstallationCollection collectionOf(String stagingName) {
		Map<String, InstallationCollection> byTable = Map.of(COMPANIES.name(), InstallationCollection.COMPANIES,
				TEAMS.name(), InstallationCollection.TEAMS, USERS.name(), InstallationCollection.USERS, POSTS.name(),
				InstallationCollection.POSTS, CODEMARKS.name(), InstallationCollection.CODEMARKS, REVIEWS.name(),
				InstallationCollection.REVIEWS);
		return byTable.get(stagingName);
	}

	/**
	 * Embedded store: drops the primary key a store created before 2026-12-03 still has on the six main staging
	 * tables (the schema script creates them without one now, see {@link RepeatedIds}). DDL, so it runs in the
	 * import's first step; a no-op once done.
	 */
	static void dropStagingKeys(JdbcTemplate jdbc) {
		for (StagingTable<?> table : List.of(COMPANIES, TEAMS, USERS, POSTS, CODEMARKS, REVIEWS)) {
			List<String> keys = jdbc.queryForList("SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS "
					+ "WHERE CONSTRAINT_TYPE = 'PRIMARY KEY' AND TABLE_SCHEMA = SCHEMA() AND TABLE_NAME = ?",
					String.class, table.name().toUpperCase(Locale.ROOT));
			keys.forEach(key -> jdbc.execute("ALTER TABLE " + table.name() + " DROP CONSTRAINT " + key));
		}
	}

	static String liveName(String stagingName) {
		return stagingName.substring(STAGING_PREFIX.length());
	}

}
