package dev.phonehome.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.phonehome.record.NightWindow;

/**
 * Writes a synthetic installation straight into the embedded store's tables with JDBC batch inserts (not through
 * {@code import}: a million-user dump would only measure the importer). Every value is a pure function of the seed
 * and the row's index (a SplitMix64 hash), so the same seed gives the same rows, and any row's id can be computed
 * without keeping the others in memory.
 *
 * <p>Shapes: 24-hex ObjectId-like ids (creation second, a per-collection "machine", a counter), so ids sort like
 * creation time as MongoDB's do; posts are 10% review posts, 25% codemark posts (30% of the codemarks in a review,
 * 1% of them missing), 50% replies and 15% plain; 1% of posts come from creators who are not users; activity is
 * skewed towards early users; every team has two admins; 15% of users hold a provider token.
 */
final class SyntheticInstallation {

	static final LocalDate NIGHT = LocalDate.of(2026, 11, 20);

	private static final long DAY = TimeUnit.DAYS.toMillis(1);

	private static final int BATCH = 10_000;

	private static final int COMMIT_EVERY = 100_000;

	private static final String[] PLANS = { "FREEPLAN", "FREEPLAN", "14DAYTRIAL", "30DAYTRIAL", "TRIALEXPIRED",
			null };

	private static final String[] PROVIDERS = { "github", "gitlab", "bitbucket", "jira", "slack", "msteams",
			"trello", "asana", "youtrack", "azuredevops", "linear" };

	private static final String[] JOIN_METHODS = { "Created Team", "Added to Team", "Joined Team by Code",
			"Joined by Invite" };

	private static final String[] ORIGINS = { "VS Code", "JetBrains", "Visual Studio", "Web" };

	// hash streams: one per independent choice
	private static final int USER_TIME = 1, USER_FLAGS = 2, USER_TEAM = 3, USER_PROVIDER = 4, USER_LOGIN = 5,
			POST_TIME = 6, POST_KIND = 7, POST_CREATOR = 8, POST_TARGET = 9, CODEMARK = 10, REVIEW_TIME = 11,
			REVIEW_PICK = 12, TEAM_PICK = 13, COMPANY_PICK = 14;

	// id "machines": one per collection
	private static final int COMPANY = 0x0c0a01, TEAM = 0x7ea301, USER = 0x05e401, POST = 0x9057a1,
			CODEMARK_ID = 0xc0de01, REVIEW = 0x4e7e01, GHOST = 0x90a5f1;

	private final BenchSize size;

	private final long seed;

	private final NightWindow night = NightWindow.of(NIGHT);

	private final long historyStart = night.startMillis() - 730 * DAY;

	SyntheticInstallation(BenchSize size, long seed) {
		this.size = size;
		this.seed = seed;
	}

	/** Creates the store's tables if missing and fills them; refuses a store that already holds users. */
	void writeTo(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("RUNSCRIPT FROM 'classpath:store/schema-h2.sql'");
			try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM users")) {
				rs.next();
				if (rs.getLong(1) > 0) {
					throw new IllegalStateException("the store already holds users; generate into an empty home");
				}
			}
		}
		// bulk load: secondary indexes are built once at the end, not page by page at every commit
		List<String> indexes = secondaryIndexes(connection);
		try (Statement statement = connection.createStatement()) {
			for (String index : indexes) {
				statement.execute("DROP INDEX " + index);
			}
		}
		connection.setAutoCommit(false);
		companies(connection);
		teams(connection);
		users(connection);
		posts(connection);
		reviews(connection);
		// as an import would: the store remembers when its data was loaded, so the night is not refused as stale
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate("INSERT INTO phonehome_store_import (imported_at, dump_folder, file_digests) VALUES ("
					+ System.currentTimeMillis() + ", 'synthetic installation (ops/bench)', '')");
		}
		connection.commit();
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			statement.execute("RUNSCRIPT FROM 'classpath:store/schema-h2.sql'");
		}
	}

	private static List<String> secondaryIndexes(Connection connection) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES"
						+ " WHERE TABLE_SCHEMA = 'PUBLIC' AND INDEX_TYPE_NAME = 'INDEX'")) {
			while (rs.next()) {
				names.add(rs.getString(1));
			}
		}
		return names;
	}

	private void companies(Connection connection) throws SQLException {
		try (Rows rows = new Rows(connection,
				"INSERT INTO companies (id, name, plan, deactivated, created_at, creator_id) VALUES (?, ?, ?, ?, ?, ?)")) {
			for (int c = 0; c < size.companies(); c++) {
				long createdAt = spread(historyStart - 365 * DAY, 365 * DAY, c, size.companies(), COMPANY_PICK);
				rows.set(objectId(createdAt, COMPANY, c), "Company " + c, PLANS[pick(COMPANY_PICK, c, PLANS.length)],
						pick(COMPANY_PICK, c + 1_000_000L, 50) == 0, createdAt, userId(pick(USER_TEAM, c, size.users())));
				rows.add();
			}
		}
	}

	private void teams(Connection connection) throws SQLException {
		try (Rows rows = new Rows(connection,
				"INSERT INTO teams (id, name, company_id, deactivated, created_at, creator_id, xray, review_approval,"
						+ " review_assignment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			for (int t = 0; t < size.teams(); t++) {
				long h = mix(TEAM_PICK, t);
				rows.set(teamId(t), "Team " + t, companyId(pick(COMPANY_PICK, t, size.companies())),
						(h & 63) == 0, teamTime(t), userId(t),
						choose(h >>> 8, 10, 7, "on", "off"), choose(h >>> 16, 10, 6, "anyone", "all"),
						choose(h >>> 24, 10, 5, "random", "roundRobin", "none"));
				rows.add();
			}
		}
		// two admins per team: its first two members (users t and t + teams, whose first team is t)
		try (Rows rows = new Rows(connection, "INSERT INTO team_admins (team_id, user_id) VALUES (?, ?)")) {
			for (int t = 0; t < size.teams(); t++) {
				for (long u = t; u < size.users() && u < t + 2L * size.teams(); u += size.teams()) {
					rows.set(teamId(t), userId(u));
					rows.add();
				}
			}
		}
	}

	private void users(Connection connection) throws SQLException {
		try (Rows users = new Rows(connection,
				"INSERT INTO users (id, email, is_registered, deactivated, registered_at, join_method, last_login,"
						+ " last_origin, last_origin_detail, external_user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
				Rows userTeams = new Rows(connection, "INSERT INTO user_teams (user_id, team_id) VALUES (?, ?)");
				Rows providers = new Rows(connection,
						"INSERT INTO user_providers (user_id, provider) VALUES (?, ?)")) {
			for (long u = 0; u < size.users(); u++) {
				long flags = mix(USER_FLAGS, u);
				boolean registered = (flags & 15) != 0;
				String id = userId(u);
				String origin = ORIGINS[(int) ((flags >>> 8) & 3)];
				long lastLogin = night.startMillis() - (mix(USER_LOGIN, u) >>> 1) % (60 * DAY);
				users.set(id, "user" + u + "@company" + (u % size.companies()) + ".example", registered,
						((flags >>> 4) & 31) == 0, registered ? userTime(u) : null,
						JOIN_METHODS[(int) ((flags >>> 12) & 3)], registered ? lastLogin : null,
						registered ? origin : null, registered ? origin + " 1." + ((flags >>> 16) & 127) : null,
						((flags >>> 24) & 255) == 0 ? "ext-" + u : null);
				users.add();
				long first = u % size.teams();
				long second = (flags >>> 32) % 5 == 0 ? pick(USER_TEAM, u, size.teams()) : first;
				for (long t : (second == first) ? new long[] { first } : new long[] { first, second }) {
					userTeams.set(id, teamId(t));
					userTeams.add();
				}
				long p = mix(USER_PROVIDER, u);
				if (p % 100 < 15) {
					int a = (int) ((p >>> 8) % PROVIDERS.length);
					int b = (int) ((p >>> 16) % PROVIDERS.length);
					providers.set(id, PROVIDERS[a]);
					providers.add();
					if (p % 100 < 5 && b != a) {
						providers.set(id, PROVIDERS[b]);
						providers.add();
					}
				}
			}
		}
	}

	private void posts(Connection connection) throws SQLException {
		long old = size.posts() - size.nightPosts();
		try (Rows posts = new Rows(connection, "INSERT INTO posts (id, creator_id, created_at, codemark_id,"
				+ " review_id, parent_post_id) VALUES (?, ?, ?, ?, ?, ?)");
				Rows codemarks = new Rows(connection,
						"INSERT INTO codemarks (id, review_id, created_at) VALUES (?, ?, ?)")) {
			for (long k = 0; k < size.posts(); k++) {
				long createdAt = postTime(k, old);
				long kind = mix(POST_KIND, k) % 100;
				long target = mix(POST_TARGET, k);
				String codemarkId = null;
				String reviewId = null;
				String parentId = null;
				if (kind < 10) {
					reviewId = reviewId(target % size.reviews());
				}
				else if (kind < 35) {
					codemarkId = objectId(createdAt, CODEMARK_ID, k);
					long c = mix(CODEMARK, k);
					if (c % 100 != 0) {
						codemarks.set(codemarkId, (c >>> 8) % 10 < 3 ? reviewId((c >>> 16) % size.reviews()) : null,
								createdAt);
						codemarks.add();
					}
				}
				else if (kind < 85 && k > 0) {
					parentId = postId(k - 1 - target % Math.min(k, 1_000), old);
				}
				posts.set(postId(k, old), creator(k, createdAt), createdAt, codemarkId, reviewId, parentId);
				posts.add();
			}
		}
	}

	private void reviews(Connection connection) throws SQLException {
		try (Rows rows = new Rows(connection,
				"INSERT INTO reviews (id, team_id, created_at, approved_at, creator_id) VALUES (?, ?, ?, ?, ?)")) {
			for (long r = 0; r < size.reviews(); r++) {
				long createdAt = reviewTime(r);
				long h = mix(REVIEW_PICK, r);
				Long approvedAt = (h & 1) == 0 ? null : createdAt + (h >>> 1) % (7 * DAY);
				rows.set(reviewId(r), teamId((h >>> 8) % size.teams()), createdAt, approvedAt,
						userId(pick(USER_TEAM, r + 7, size.users())));
				rows.add();
			}
		}
	}

	// ids and times, each a pure function of the index

	private String userId(long u) {
		return objectId(userTime(u), USER, u);
	}

	private long userTime(long u) {
		return spread(historyStart, 700 * DAY, u, size.users(), USER_TIME);
	}

	private String teamId(long t) {
		return objectId(teamTime(t), TEAM, t);
	}

	private long teamTime(long t) {
		return spread(historyStart - 30 * DAY, 30 * DAY, t, size.teams(), TEAM_PICK);
	}

	private String companyId(long c) {
		return objectId(spread(historyStart - 365 * DAY, 365 * DAY, c, size.companies(), COMPANY_PICK), COMPANY, c);
	}

	private String postId(long k, long old) {
		return objectId(postTime(k, old), POST, k);
	}

	/** Old posts over the two years before the night, the night's posts over its 24 hours. */
	private long postTime(long k, long old) {
		return k < old ? spread(historyStart, 730 * DAY, k, old, POST_TIME)
				: spread(night.startMillis(), DAY, k - old, size.nightPosts(), POST_TIME);
	}

	private String reviewId(long r) {
		return objectId(reviewTime(r), REVIEW, r);
	}

	/** 98% of the reviews before the night, the last 2% in it. */
	private long reviewTime(long r) {
		long before = size.reviews() - size.reviews() / 50;
		return r < before ? spread(historyStart, 730 * DAY, r, before, REVIEW_TIME)
				: spread(night.startMillis(), DAY, r - before, size.reviews() - before, REVIEW_TIME);
	}

	/** Early users post more (a quadratic skew); 1% of posts come from creators who are no longer users. */
	private String creator(long k, long createdAt) {
		long h = mix(POST_CREATOR, k);
		if (h % 100 == 0) {
			return objectId(createdAt, GHOST, k);
		}
		double x = ((h >>> 10) * 0x1.0p-53);
		return userId((long) (x * x * size.users()));
	}

	/** The i-th of n instants spread evenly over [start, start + span), each jittered within its slot. */
	private long spread(long start, long span, long i, long n, int stream) {
		long slot = Math.max(1, span / n);
		return start + i * slot + (mix(stream, i) >>> 1) % slot;
	}

	/** 24 hex digits: the creation second, a per-collection machine, a 40-bit counter (as MongoDB's ObjectId). */
	private static String objectId(long millis, int machine, long counter) {
		char[] hex = new char[24];
		put(hex, 0, 8, millis / 1000);
		put(hex, 8, 6, machine);
		put(hex, 14, 10, counter);
		return new String(hex);
	}

	private static void put(char[] hex, int at, int digits, long value) {
		for (int i = at + digits - 1; i >= at; i--) {
			hex[i] = Character.forDigit((int) (value & 15), 16);
			value >>>= 4;
		}
	}

	private static String choose(long h, int outOf, int nullIn, String... values) {
		int roll = (int) (h % outOf);
		return roll < nullIn ? null : values[(int) ((h >>> 4) % values.length)];
	}

	private int pick(int stream, long index, int n) {
		return (int) ((mix(stream, index) >>> 1) % n);
	}

	/** SplitMix64 of (seed, stream, index), its top 63 bits: uniform, non-negative, reproducible, random access. */
	private long mix(int stream, long index) {
		return mix(seed, stream, index);
	}

	/** A SplitMix64 hash of the seed, a stream and an index: non-negative, the same for the same arguments. */
	static long mix(long seed, int stream, long index) {
		long z = seed + stream * 0x9E3779B97F4A7C15L + index * 0xD1B54A32D192ED03L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return (z ^ (z >>> 31)) >>> 1;
	}

	/** One table's batched insert: executes every {@value #BATCH} rows, commits every {@value #COMMIT_EVERY}. */
	private static final class Rows implements AutoCloseable {

		private final Connection connection;

		private final PreparedStatement insert;

		private long pending;

		private long count;

		Rows(Connection connection, String sql) throws SQLException {
			this.connection = connection;
			this.insert = connection.prepareStatement(sql);
		}

		void set(Object... values) throws SQLException {
			for (int i = 0; i < values.length; i++) {
				Object value = values[i];
				if (value == null) {
					insert.setNull(i + 1, Types.NULL);
				}
				else {
					insert.setObject(i + 1, value);
				}
			}
		}

		void add() throws SQLException {
			insert.addBatch();
			if (++pending == BATCH) {
				flush();
			}
		}

		private void flush() throws SQLException {
			insert.executeBatch();
			count += pending;
			pending = 0;
			if (count % COMMIT_EVERY == 0) {
				connection.commit();
			}
		}

		@Override
		public void close() throws SQLException {
			if (pending > 0) {
				flush();
			}
			connection.commit();
			insert.close();
		}

	}

}
