package dev.phonehome.bench;

import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.ObjectId;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import dev.phonehome.source.mongo.CommandCountingBackend;

/**
 * The MongoDB side of the benchmark: a size's synthetic installation copied from its embedded store into an
 * in-process MongoDB (mongo-java-server, memory backend, on loopback) as CodeStream keeps it (ObjectId
 * {@code _id}s, references as hex strings, {@code teamIds}, {@code adminIds}, {@code settings} and
 * {@code providerInfo} nested), so that {@code run --source} reads the same installation. The server counts the
 * commands that start a pass over each collection.
 */
final class MongoNight implements AutoCloseable {

	static final String DATABASE = "codestream";

	private static final int BATCH = 10_000;

	private final CommandCountingBackend backend = new CommandCountingBackend();

	private final MongoServer server = new MongoServer(backend);

	private final InetSocketAddress address = server.bind();

	String uri() {
		return "mongodb://127.0.0.1:" + address.getPort() + "/" + DATABASE;
	}

	CommandCountingBackend backend() {
		return backend;
	}

	/** Copies the store's six collections; returns the documents inserted. */
	long load(String storeUrl) throws SQLException {
		long documents = 0;
		try (MongoClient client = MongoClients.create(uri());
				Connection store = DriverManager.getConnection(storeUrl, "sa", "")) {
			MongoDatabase db = client.getDatabase(DATABASE);
			db.drop();
			documents += copy(store, "SELECT id, name, plan, deactivated, created_at, creator_id FROM companies",
					db.getCollection("companies", BsonDocument.class),
					rs -> id(rs).append("name", text(rs, "name")).append("plan", text(rs, "plan"))
						.append("deactivated", BsonBoolean.valueOf(rs.getBoolean("deactivated")))
						.append("createdAt", millis(rs, "created_at")).append("creatorId", text(rs, "creator_id")));
			documents += copy(store, """
					SELECT t.id, t.name, t.company_id, t.deactivated, t.created_at, t.creator_id, t.xray,
					       t.review_approval, t.review_assignment,
					       (SELECT LISTAGG(a.user_id, ',') FROM team_admins a WHERE a.team_id = t.id) AS admins
					FROM teams t
					""", db.getCollection("teams", BsonDocument.class),
					rs -> id(rs).append("name", text(rs, "name")).append("companyId", text(rs, "company_id"))
						.append("deactivated", BsonBoolean.valueOf(rs.getBoolean("deactivated")))
						.append("createdAt", millis(rs, "created_at")).append("creatorId", text(rs, "creator_id"))
						.append("adminIds", list(rs.getString("admins")))
						.append("settings", new BsonDocument("xray", text(rs, "xray"))
							.append("reviewApproval", text(rs, "review_approval"))
							.append("reviewAssignment", text(rs, "review_assignment"))));
			documents += copy(store, """
					SELECT u.id, u.email, u.is_registered, u.deactivated, u.registered_at, u.join_method,
					       u.last_login, u.last_origin, u.last_origin_detail, u.external_user_id,
					       (SELECT LISTAGG(ut.team_id, ',') FROM user_teams ut WHERE ut.user_id = u.id) AS teams,
					       (SELECT LISTAGG(p.provider, ',') FROM user_providers p WHERE p.user_id = u.id) AS providers
					FROM users u
					""", db.getCollection("users", BsonDocument.class), MongoNight::user);
			documents += copy(store, "SELECT id, creator_id, created_at, codemark_id, review_id, parent_post_id FROM posts",
					db.getCollection("posts", BsonDocument.class),
					rs -> id(rs).append("creatorId", text(rs, "creator_id")).append("createdAt", millis(rs, "created_at"))
						.append("codemarkId", text(rs, "codemark_id")).append("reviewId", text(rs, "review_id"))
						.append("parentPostId", text(rs, "parent_post_id")));
			documents += copy(store, "SELECT id, review_id, created_at FROM codemarks",
					db.getCollection("codemarks", BsonDocument.class),
					rs -> id(rs).append("reviewId", text(rs, "review_id")).append("createdAt", millis(rs, "created_at")));
			documents += copy(store, "SELECT id, team_id, created_at, approved_at, creator_id FROM reviews",
					db.getCollection("reviews", BsonDocument.class),
					rs -> id(rs).append("teamId", text(rs, "team_id")).append("createdAt", millis(rs, "created_at"))
						.append("approvedAt", millis(rs, "approved_at")).append("creatorId", text(rs, "creator_id")));
		}
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

	private static long copy(Connection store, String sql, MongoCollection<BsonDocument> collection, Mapper mapper)
			throws SQLException {
		long count = 0;
		List<BsonDocument> batch = new ArrayList<>(BATCH);
		try (Statement statement = store.createStatement()) {
			statement.setFetchSize(BATCH);
			try (ResultSet rs = statement.executeQuery(sql)) {
				while (rs.next()) {
					batch.add(mapper.map(rs));
					if (batch.size() == BATCH) {
						collection.insertMany(batch);
						count += batch.size();
						batch.clear();
					}
				}
			}
		}
		if (!batch.isEmpty()) {
			collection.insertMany(batch);
			count += batch.size();
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

	@Override
	public void close() {
		server.shutdownNow();
	}

}
