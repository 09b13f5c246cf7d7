package dev.phonehome.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.ObjectId;

/**
 * A synthetic store's six tables read back as the documents CodeStream keeps (ObjectId {@code _id}s, references as
 * hex strings, {@code teamIds}, {@code adminIds}, {@code settings} and {@code providerInfo} nested): what
 * {@link MongoNight} inserts into MongoDB and {@link DumpFiles} writes as a mongoexport dump, so both hold the same
 * installation as the store.
 */
final class StoreDocuments {

	private static final int FETCH = 10_000;

	/** Receives one collection's documents in store order. */
	interface Sink {

		void accept(String collection, BsonDocument document) throws Exception;

	}

	private StoreDocuments() {
	}

	/** Reads every table once; returns the documents produced. */
	static long read(Connection store, Sink sink) throws Exception {
		long documents = 0;
		documents += copy(store, "companies", "SELECT id, name, plan, deactivated, created_at, creator_id FROM companies",
				sink,
				rs -> id(rs).append("name", text(rs, "name")).append("plan", text(rs, "plan"))
					.append("deactivated", BsonBoolean.valueOf(rs.getBoolean("deactivated")))
					.append("createdAt", millis(rs, "created_at")).append("creatorId", text(rs, "creator_id")));
		documents += copy(store, "teams", """
				SELECT t.id, t.name, t.company_id, t.deactivated, t.created_at, t.creator_id, t.xray,
				       t.review_approval, t.review_assignment,
				       (SELECT LISTAGG(a.user_id, ',') FROM team_admins a WHERE a.team_id = t.id) AS admins
				FROM teams t
				""", sink,
				rs -> id(rs).append("name", text(rs, "name")).append("companyId", text(rs, "company_id"))
					.append("deactivated", BsonBoolean.valueOf(rs.getBoolean("deactivated")))
					.append("createdAt", millis(rs, "created_at")).append("creatorId", text(rs, "creator_id"))
					.append("adminIds", list(rs.getString("admins")))
					.append("settings", new BsonDocument("xray", text(rs, "xray"))
						.append("reviewApproval", text(rs, "review_approval"))
						.append("reviewAssignment", text(rs, "review_assignment"))));
		documents += copy(store, "users", """
				SELECT u.id, u.email, u.is_registered, u.deactivated, u.registered_at, u.join_method,
				       u.last_login, u.last_origin, u.last_origin_detail, u.external_user_id,
				       (SELECT LISTAGG(ut.team_id, ',') FROM user_teams ut WHERE ut.user_id = u.id) AS teams,
				       (SELECT LISTAGG(p.provider, ',') FROM user_providers p WHERE p.user_id = u.id) AS providers
				FROM users u
				""", sink, StoreDocuments::user);
		documents += copy(store, "posts",
				"SELECT id, creator_id, created_at, codemark_id, review_id, parent_post_id FROM posts", sink,
				rs -> id(rs).append("creatorId", text(rs, "creator_id")).append("createdAt", millis(rs, "created_at"))
					.append("codemarkId", text(rs, "codemark_id")).append("reviewId", text(rs, "review_id"))
					.append("parentPostId", text(rs, "parent_post_id")));
		documents += copy(store, "codemarks", "SELECT id, review_id, created_at FROM codemarks", sink,
				rs -> id(rs).append("reviewId", text(rs, "review_id")).append("createdAt", millis(rs, "created_at")));
		documents += copy(store, "reviews", "SELECT id, team_id, created_at, approved_at, creator_id FROM reviews",
				sink,
				rs -> id(rs).append("teamId", text(rs, "team_id")).append("createdAt", millis(rs, "created_at"))
					.append("approvedAt", millis(rs, "approved_at")).append("creatorId", text(rs, "creator_id")));
		return documents;
	}

	/** A user with a token for each of their providers, under their first team: the normal providerInfo shape. */
	private static BsonDocument user(ResultSet rs) throws SQLException {
		BsonArray teams = list(rs.getString("teams"));
		BsonDocument user = id(rs).append("email", text(rs, "email"))
			.append("isRegistered", BsonBoolean.valueOf(rs.getBoolean("is_registered")))
			.append("deactivated", BsonBoolean.valueOf(rs.getBoolean("deactivated")))
			.append("registeredAt", millis(rs, "registered_at")).append("joinMethod", text(rs, "join_method"))
			.append("lastLogin", millis(rs, "last_login")).append("lastOrigin", text(rs, "last_origin"))
			.append("lastOriginDetail", text(rs, "last_origin_detail"))
			.append("externalUserId", text(rs, "external_user_id")).append("teamIds", teams);
		String providers = rs.getString("providers");
		if (providers != null) {
			BsonDocument perProvider = new BsonDocument();
			for (String provider : providers.split(",")) {
				perProvider.append(provider, new BsonDocument("accessToken", new BsonString("bench-token"))
					.append("userId", new BsonString("someone")));
			}
			String key = teams.isEmpty() ? "team" : teams.get(0).asString().getValue();
			user.append("providerInfo", new BsonDocument(key, perProvider));
		}
		return user;
	}

	private interface Mapper {

		BsonDocument map(ResultSet rs) throws SQLException;

	}

	private static long copy(Connection store, String collection, String sql, Sink sink, Mapper mapper)
			throws Exception {
		long count = 0;
		try (Statement statement = store.createStatement()) {
			statement.setFetchSize(FETCH);
			try (ResultSet rs = statement.executeQuery(sql)) {
				while (rs.next()) {
					sink.accept(collection, mapper.map(rs));
					count++;
				}
			}
		}
		return count;
	}

	private static BsonDocument id(ResultSet rs) throws SQLException {
		String id = rs.getString("id");
		return new BsonDocument("_id", ObjectId.isValid(id) ? new BsonObjectId(new ObjectId(id)) : new BsonString(id));
	}

	private static BsonValue text(ResultSet rs, String column) throws SQLException {
		String value = rs.getString(column);
		return value == null ? BsonNull.VALUE : new BsonString(value);
	}

	private static BsonValue millis(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? BsonNull.VALUE : new BsonInt64(value);
	}

	private static BsonArray list(String commaSeparated) {
		BsonArray array = new BsonArray();
		if (commaSeparated != null) {
			for (String value : commaSeparated.split(",")) {
				array.add(new BsonString(value));
			}
		}
		return array;
	}

}
