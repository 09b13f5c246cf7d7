package dev.phonehome.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import dev.phonehome.record.NightWindow;
import dev.phonehome.source.jdbc.StoreQueries;

/**
 * The raw floor: what the payload costs with no framework at all. One JDBC connection runs the store's own
 * queries (the same rows, the same fetch size) and one Jackson generator streams the payload JSON, field for field
 * as phonehome writes it (emails included, as on the synthetic free installation), straight into one file. No
 * Spring, no Spring Batch, no staging, no validation, no digest.
 * <p>
 * Two floors, by how the users' night is counted:
 * <ul>
 * <li>{@code seek}: the database counts it per user, one index seek into the night's posts per user
 * ({@code usersCountedPerUser}, the users query phonehome ran before the one-pass tally);</li>
 * <li>{@code one-pass}: each table is read once in the order the store keeps it (the night's posts by the
 * window's index with each codemark by its key, the team admins, then the users by id) and the counts are
 * aggregated here, in a plain {@code HashMap}; H2 streams each result (lazy query execution).</li>
 * </ul>
 *
 * <p>Usage: {@code RawFloor HOME NIGHT OUT_JSON RESULT_PROPERTIES [seek|one-pass]} (default {@code seek}).
 */
public final class RawFloor {

	private static final int FETCH_SIZE = 1000;

	private RawFloor() {
	}

	public static void main(String[] args) throws Exception {
		ProcessPeaks peaks = ProcessPeaks.start();
		Path home = Path.of(args[0]);
		NightWindow night = NightWindow.of(LocalDate.parse(args[1]));
		Path out = Path.of(args[2]);
		boolean onePass = args.length > 4 && args[4].equals("one-pass");
		String url = "jdbc:h2:file:" + home.resolve("store/phonehome") + ";DB_CLOSE_ON_EXIT=FALSE"
				+ (onePass ? ";LAZY_QUERY_EXECUTION=TRUE" : "");
		long started = System.nanoTime();
		long items;
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
				JsonGenerator g = JsonFactory.builder()
					.build()
					.createGenerator(ObjectWriteContext.empty(), file, JsonEncoding.UTF8)) {
			items = write(connection, night, g, onePass);
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		Path result = Path.of(args[3]);
		peaks.writeTo(result);
		Properties p = new Properties();
		try (var in = Files.newInputStream(result)) {
			p.load(in);
		}
		p.setProperty("floor.millis", Long.toString(millis));
		p.setProperty("floor.items", Long.toString(items));
		p.setProperty("floor.bytes", Long.toString(Files.size(out)));
		try (var o = Files.newOutputStream(result)) {
			p.store(o, "raw floor");
		}
	}

	private static long write(Connection connection, NightWindow night, JsonGenerator g, boolean onePass)
			throws SQLException {
		long items = 0;
		g.writeStartObject();
		g.writeNumberProperty("date", night.startMillis());
		g.writeStringProperty("installationId", "bench");
		g.writeStringProperty("installationVersion", "NA");
		g.writeBooleanProperty("outboundEmailEnabled", true);
		g.writeBooleanProperty("slackInteractiveComponentsEnabled", true);
		g.writeArrayPropertyStart("integrations");
		try (ResultSet rs = query(connection, StoreQueries.INTEGRATIONS)) {
			while (rs.next()) {
				g.writeString(rs.getString(1));
			}
		}
		g.writeEndArray();
		g.writeArrayPropertyStart("companies");
		try (ResultSet rs = query(connection, StoreQueries.COMPANIES)) {
			while (rs.next()) {
				g.writeStartObject();
				g.writeStringProperty("id", rs.getString("id"));
				g.writeStringProperty("name", rs.getString("name"));
				g.writeBooleanProperty("isDeactivated", rs.getBoolean("is_deactivated"));
				number(g, "createdAt", rs, "created_at");
				g.writeStringProperty("creatorId", rs.getString("creator_id"));
				g.writeStringProperty("plan", rs.getString("plan"));
				g.writeEndObject();
				items++;
			}
		}
		g.writeEndArray();
		g.writeArrayPropertyStart("teams");
		try (ResultSet rs = query(connection, StoreQueries.TEAMS)) {
			while (rs.next()) {
				g.writeStartObject();
				g.writeStringProperty("id", rs.getString("id"));
				g.writeStringProperty("name", rs.getString("name"));
				g.writeStringProperty("companyId", rs.getString("company_id"));
				g.writeBooleanProperty("isDeactivated", rs.getBoolean("is_deactivated"));
				number(g, "createdAt", rs, "created_at");
				g.writeStringProperty("creatorId", rs.getString("creator_id"));
				g.writeStringProperty("liveView", orDefault(rs.getString("live_view"), "user"));
				g.writeStringProperty("codeReviewApproval", orDefault(rs.getString("code_review_approval"), "user"));
				g.writeStringProperty("codeReviewAssignment",
						orDefault(rs.getString("code_review_assignment"), "authorship2"));
				g.writeEndObject();
				items++;
			}
		}
		g.writeEndArray();
		g.writeArrayPropertyStart("users");
		items += onePass ? usersOnePass(connection, night, g) : usersBySeek(connection, night, g);
		g.writeEndArray();
		g.writeArrayPropertyStart("codeReviews");
		try (ResultSet rs = query(connection, StoreQueries.CODE_REVIEWS, night.startMillis(), night.endMillis(),
				night.startMillis(), night.endMillis())) {
			while (rs.next()) {
				g.writeStartObject();
				g.writeStringProperty("teamId", rs.getString("team_id"));
				g.writeStringProperty("reviewId", rs.getString("review_id"));
				number(g, "createdAt", rs, "created_at");
				number(g, "approvedAt", rs, "approved_at");
				g.writeEndObject();
				items++;
			}
		}
		g.writeEndArray();
		g.writeEndObject();
		return items;
	}

	private static long usersBySeek(Connection connection, NightWindow night, JsonGenerator g) throws SQLException {
		long items = 0;
		try (ResultSet rs = query(connection, StoreQueries.usersCountedPerUser(true), night.startMillis(),
				night.endMillis())) {
			while (rs.next()) {
				user(g, rs, rs.getBoolean("is_admin"), rs.getLong("codemarks"), rs.getLong("codemarks_in_reviews"),
						rs.getLong("reviews"), rs.getLong("replies"));
				items++;
			}
		}
		return items;
	}

	/** Counts per creator: codemarks, codemarksInReviews, reviews, replies, and 1 in the last slot for an admin. */
	private static long usersOnePass(Connection connection, NightWindow night, JsonGenerator g) throws SQLException {
		Map<String, int[]> tally = new HashMap<>();
		try (ResultSet rs = query(connection, StoreQueries.NIGHT_POSTS, night.startMillis(), night.endMillis())) {
			while (rs.next()) {
				int kind = rs.getInt(2);
				if (kind >= 0) {
					tally.computeIfAbsent(rs.getString(1), id -> new int[5])[kind]++;
				}
			}
		}
		try (ResultSet rs = query(connection, StoreQueries.ADMINS)) {
			while (rs.next()) {
				tally.computeIfAbsent(rs.getString(1), id -> new int[5])[4] = 1;
			}
		}
		int[] none = new int[5];
		long items = 0;
		try (ResultSet rs = query(connection, StoreQueries.usersById(true))) {
			while (rs.next()) {
				int[] c = tally.getOrDefault(rs.getString("id"), none);
				user(g, rs, c[4] == 1, c[0], c[1], c[2], c[3]);
				items++;
			}
		}
		return items;
	}

	private static void user(JsonGenerator g, ResultSet rs, boolean isAdmin, long codemarks, long codemarksInReviews,
			long reviews, long replies) throws SQLException {
		g.writeStartObject();
		g.writeStringProperty("id", rs.getString("id"));
		g.writeStringProperty("email", rs.getString("email"));
		g.writeBooleanProperty("isRegistered", rs.getBoolean("is_registered"));
		g.writeBooleanProperty("isDeactivated", rs.getBoolean("is_deactivated"));
		g.writeBooleanProperty("isAdmin", isAdmin);
		number(g, "registeredAt", rs, "registered_at");
		g.writeStringProperty("joinMethod", rs.getString("join_method"));
		number(g, "lastLogin", rs, "last_login");
		g.writeStringProperty("lastOrigin", rs.getString("last_origin"));
		g.writeStringProperty("lastOriginDetail", rs.getString("last_origin_detail"));
		g.writeNumberProperty("codemarks", codemarks);
		g.writeNumberProperty("codemarksInReviews", codemarksInReviews);
		g.writeNumberProperty("reviews", reviews);
		g.writeNumberProperty("replies", replies);
		g.writeEndObject();
	}

	private static ResultSet query(Connection connection, String sql, Object... parameters) throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		statement.setFetchSize(FETCH_SIZE);
		for (int i = 0; i < parameters.length; i++) {
			statement.setObject(i + 1, parameters[i]);
		}
		statement.closeOnCompletion();
		return statement.executeQuery();
	}

	private static void number(JsonGenerator g, String name, ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		if (rs.wasNull()) {
			g.writeNullProperty(name);
		}
		else {
			g.writeNumberProperty(name, value);
		}
	}

	private static String orDefault(String value, String fallback) {
		return (value == null || value.isEmpty()) ? fallback : value;
	}

}
