package dev.phonehome.source.mongo;

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
 * The users section: users in id order, in batches of the fetch size. For each batch, two small queries answer
 * what the store answers with joins: the batch's teams ({@code isAdmin}: an admin of a team the user belongs to)
 * and the batch's activity in the night, counted by MongoDB ({@link MongoQueries#activity}). Memory holds one
 * batch of users, their teams' admin lists and their counts; never a whole collection.
 */
class MongoUsersReader extends AbstractItemCountingItemStreamItemReader<User> {

	private final MongoInstallation mongo;

	private final NightWindow window;

	private final boolean emailsIncluded;

	private final int batchSize;

	private final Deque<User> batch = new ArrayDeque<>();

	private IdOrderedCursor users;

	MongoUsersReader(MongoInstallation mongo, NightWindow window, boolean emailsIncluded, int batchSize) {
		setName("usersReader");
		this.mongo = mongo;
		this.window = window;
		this.emailsIncluded = emailsIncluded;
		this.batchSize = batchSize;
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
		Map<String, Activity> activity = activityOf(documents.stream().map(UserDocument::id).toList());
		for (UserDocument user : documents) {
			boolean isAdmin = user.teamIds()
				.stream()
				.anyMatch(teamId -> adminsByTeam.getOrDefault(teamId, Set.of()).contains(user.id()));
			Activity counts = activity.getOrDefault(user.id(), Activity.NONE);
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

	private Map<String, Activity> activityOf(List<String> userIds) {
		Map<String, Activity> activity = new HashMap<>();
		try (MongoCursor<BsonDocument> counts = mongo.collection(InstallationCollection.POSTS)
			.aggregate(MongoQueries.activity(userIds, window))
			.allowDiskUse(true)
			.batchSize(batchSize)
			.iterator()) {
			while (counts.hasNext()) {
				BsonDocument row = counts.next();
				activity.put(row.getString("_id").getValue(), Activity.of(row));
			}
		}
		return activity;
	}

	@Override
	protected void doClose() {
		batch.clear();
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
