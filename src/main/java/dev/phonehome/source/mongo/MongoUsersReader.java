package dev.phonehome.source.mongo;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.BsonDocument;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCursor;

import dev.phonehome.installation.InstallationCollection;
import dev.phonehome.installation.InstallationDocuments;
import dev.phonehome.installation.TeamDocument;
import dev.phonehome.installation.UserDocument;
import dev.phonehome.record.NightWindow;
import dev.phonehome.source.User;

/**
 * The users section: users in id order, in batches of the fetch size, merged with the night's activity. The
 * activity is one aggregation over the night's posts for the whole night ({@link MongoQueries#activity}: grouped
 * by creator, sorted by creator id, {@code allowDiskUse}), read as a second cursor alongside the users: both are in
 * id order, so each user's counts are the activity cursor's next row when the ids match, and the rows of creators
 * who are no longer users are passed over. For each batch of users one small query answers {@code isAdmin} (the
 * batch's teams: an admin of a team the user belongs to). Memory holds one batch of users, their teams' admin lists
 * and one batch of activity rows; never a whole collection.
 * <p>
 * Restart: the committed read count is the state ({@code usersReader.read.count}); reopened, the reader runs the
 * same two queries and skips as many users, so the resumed step writes the same bytes.
 */
class MongoUsersReader extends AbstractItemCountingItemStreamItemReader<User> {

	private final MongoInstallation mongo;

	private final NightWindow window;

	private final boolean emailsIncluded;

	private final int batchSize;

	private final Deque<User> batch = new ArrayDeque<>();

	private final Duration idMargin;

	private IdOrderedCursor users;

	private MongoCursor<BsonDocument> activity;

	/** The activity cursor's current row, not yet matched to a user; null when it is exhausted. */
	private BsonDocument nextActivity;

	MongoUsersReader(MongoInstallation mongo, NightWindow window, boolean emailsIncluded, int batchSize,
			Duration idMargin) {
		setName("usersReader");
		this.mongo = mongo;
		this.window = window;
		this.emailsIncluded = emailsIncluded;
		this.batchSize = batchSize;
		this.idMargin = idMargin;
	}

	@Override
	protected void doOpen() {
		mongo.requireCollections(InstallationCollection.USERS, InstallationCollection.TEAMS,
				InstallationCollection.POSTS, InstallationCollection.CODEMARKS);
		ContractCheck.ids(mongo, InstallationCollection.USERS, InstallationDocuments::user);
		ContractCheck.ids(mongo, InstallationCollection.TEAMS, InstallationDocuments::team);
		ContractCheck.posts(mongo, window);
		ContractCheck.codemarks(mongo);
		if (!emailsIncluded) {
			ContractCheck.userEmails(mongo);
		}
		try {
			users = new IdOrderedCursor(mongo.collection(InstallationCollection.USERS), new BsonDocument(),
					MongoQueries.users(emailsIncluded), batchSize);
			activity = mongo.collection(InstallationCollection.POSTS)
				.aggregate(MongoQueries.activity(window, idMargin))
				.allowDiskUse(true)
				.batchSize(batchSize)
				.iterator();
			nextActivity = nextCreatorRow();
		}
		catch (MongoException ex) {
			throw mongo.unavailable(ex);
		}
	}

	@Override
	protected User doRead() {
		if (batch.isEmpty()) {
			try {
				readBatch();
			}
			catch (MongoException ex) {
				throw mongo.unavailable(ex);
			}
		}
		return batch.poll();
	}

	private void readBatch() {
		List<UserDocument> documents = new ArrayList<>(batchSize);
		Set<String> teamIds = new LinkedHashSet<>();
		while (documents.size() < batchSize && users.hasNext()) {
			UserDocument user = InstallationDocuments.user(users.next());
			documents.add(user);
			teamIds.addAll(user.teamIds());
		}
		if (documents.isEmpty()) {
			return;
		}
		Map<String, Set<String>> adminsByTeam = adminsOf(teamIds);
		for (UserDocument user : documents) {
			boolean isAdmin = user.teamIds()
				.stream()
				.anyMatch(teamId -> adminsByTeam.getOrDefault(teamId, Set.of()).contains(user.id()));
			Activity counts = activityOf(user.id());
			batch.add(new User(user.id(), emailsIncluded ? user.email() : null, user.isRegistered(),
					user.deactivated(), isAdmin, user.registeredAt(), user.joinMethod(), user.lastLogin(),
					user.lastOrigin(), user.lastOriginDetail(), counts.codemarks(), counts.codemarksInReviews(),
					counts.reviews(), counts.replies()));
		}
	}

	private Map<String, Set<String>> adminsOf(Set<String> teamIds) {
		Map<String, Set<String>> admins = new HashMap<>();
		if (teamIds.isEmpty()) {
			return admins;
		}
		try (MongoCursor<BsonDocument> teams = mongo.collection(InstallationCollection.TEAMS)
			.find(MongoQueries.idIn("_id", teamIds))
			.projection(MongoQueries.TEAM_ADMINS)
			.batchSize(batchSize)
			.iterator()) {
			while (teams.hasNext()) {
				TeamDocument team = InstallationDocuments.team(teams.next());
				admins.computeIfAbsent(team.id(), id -> new LinkedHashSet<>()).addAll(team.adminIds());
			}
		}
		return admins;
	}

	/**
	 * The counts of {@code userId}, taken from the activity cursor: rows before it (creators who are not users) are
	 * passed over, a row after it belongs to a later user.
	 */
	private Activity activityOf(String userId) {
		while (nextActivity != null && compareCodePoints(creator(nextActivity), userId) < 0) {
			nextActivity = nextCreatorRow();
		}
		if (nextActivity == null || !creator(nextActivity).equals(userId)) {
			return Activity.NONE;
		}
		Activity counts = Activity.of(nextActivity);
		nextActivity = nextCreatorRow();
		return counts;
	}

	/** The next row with a creator: posts without one group under null, which sorts first and counts for no one. */
	private BsonDocument nextCreatorRow() {
		while (activity.hasNext()) {
			BsonDocument row = activity.next();
			if (row.isString("_id")) {
				return row;
			}
		}
		return null;
	}

	private static String creator(BsonDocument row) {
		return row.getString("_id").getValue();
	}

	/**
	 * MongoDB sorts strings by their UTF-8 bytes, that is by code point; {@link String#compareTo} compares UTF-16
	 * units, which differs past U+FFFF.
	 */
	static int compareCodePoints(String a, String b) {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			int x = a.codePointAt(i);
			int y = b.codePointAt(j);
			if (x != y) {
				return Integer.compare(x, y);
			}
			i += Character.charCount(x);
			j += Character.charCount(y);
		}
		return Boolean.compare(i < a.length(), j < b.length());
	}

	@Override
	protected void doClose() {
		batch.clear();
		nextActivity = null;
		if (activity != null) {
			activity.close();
			activity = null;
		}
		if (users != null) {
			users.close();
			users = null;
		}
	}

	/** One user's counts in the night, as MongoDB's {@code $group} returned them. */
	record Activity(long codemarks, long codemarksInReviews, long reviews, long replies) {

		static final Activity NONE = new Activity(0, 0, 0, 0);

		static Activity of(BsonDocument row) {
			return new Activity(count(row, "codemarks"), count(row, "codemarksInReviews"), count(row, "reviews"),
					count(row, "replies"));
		}

		private static long count(BsonDocument row, String field) {
			return row.getNumber(field).longValue();
		}

	}

}
