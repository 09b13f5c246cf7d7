package dev.phonehome.source.mongo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import dev.phonehome.record.NightWindow;

/**
 * The MongoDB side of {@code source/jdbc/StoreQueries}: the projections (only the contract's fields of
 * shared/contract/installation-dump.md) and the night's filters and pipeline. The SQL there is the specification;
 * each rule is restated where it is implemented.
 */
final class MongoQueries {

	static final Bson COMPANIES = Projections.include("_id", "name", "plan", "deactivated", "createdAt", "creatorId");

	static final Bson COMPANY_PLANS = Projections.include("_id", "name", "plan");

	/** {@code settings} whole: the contract refuses a {@code settings} that is not an object, as the import does. */
	static final Bson TEAMS = Projections.include("_id", "name", "companyId", "deactivated", "createdAt", "creatorId",
			"settings", "adminIds");

	static final Bson TEAM_ADMINS = Projections.include("_id", "adminIds");

	private static final List<String> USER_FIELDS = List.of("_id", "isRegistered", "deactivated", "registeredAt",
			"joinMethod", "lastLogin", "lastOrigin", "lastOriginDetail", "externalUserId", "teamIds");

	/**
	 * The providers some user holds a token for (the contract's integrations rule, as {@code ProviderTokens} applies
	 * it to a dump), derived inside MongoDB: only the provider names cross the wire, never {@code providerInfo}
	 * with its tokens. {@code providerInfo.<K>.<provider>.accessToken} or
	 * {@code providerInfo.<K>.<provider>.multiple.<w>.accessToken} is a non-empty string; a {@code <K>} entry that
	 * holds an {@code accessToken} itself is a sign-in, not an integration; {@code .hosts} tokens do not count.
	 * One row per provider, {@code {_id: provider}}, sorted.
	 */
	static final List<Bson> INTEGRATIONS = List.of(
			BsonDocument.parse("{$match: {providerInfo: {$type: 'object'}}}"),
			BsonDocument.parse("{$project: {_id: 0, byKey: {$objectToArray: '$providerInfo'}}}"),
			BsonDocument.parse("{$unwind: '$byKey'}"),
			BsonDocument.parse("{$match: {'byKey.v': {$type: 'object'}, 'byKey.v.accessToken': {$exists: false}}}"),
			BsonDocument.parse("{$project: {byProvider: {$objectToArray: '$byKey.v'}}}"),
			BsonDocument.parse("{$unwind: '$byProvider'}"),
			BsonDocument.parse("{$match: {'byProvider.v': {$type: 'object'}}}"),
			// multiple's workspaces when it is an object: BSON orders types, and only an object lies between {} and
			// [] (mongo-java-server has no $type expression; $objectToArray refuses anything but an object)
			BsonDocument.parse("""
					{$project: {provider: '$byProvider.k', token: '$byProvider.v.accessToken',
					    workspaces: {$cond: [{$and: [{$gte: ['$byProvider.v.multiple', {$literal: {}}]},
					                                 {$lt: ['$byProvider.v.multiple', {$literal: []}]}]},
					        {$objectToArray: '$byProvider.v.multiple'}, []]}}}
					"""),
			BsonDocument.parse("{$unwind: {path: '$workspaces', preserveNullAndEmptyArrays: true}}"),
			BsonDocument.parse("{$match: {$or: [{token: {$type: 'string', $ne: ''}},"
					+ " {'workspaces.v.accessToken': {$type: 'string', $ne: ''}}]}}"),
			BsonDocument.parse("{$group: {_id: '$provider'}}"),
			BsonDocument.parse("{$sort: {_id: 1}}"));

	static final Bson POSTS = Projections.include("_id", "creatorId", "createdAt", "codemarkId", "reviewId",
			"parentPostId");

	static final Bson CODEMARKS = Projections.include("_id", "reviewId", "createdAt");

	static final Bson REVIEWS = Projections.include("_id", "teamId", "createdAt", "approvedAt", "creatorId");

	private MongoQueries() {
	}

	/** A paid night does not even fetch the address: it never leaves MongoDB. */
	static Bson users(boolean emailsIncluded) {
		List<String> fields = new ArrayList<>(USER_FIELDS);
		if (emailsIncluded) {
			fields.add("email");
		}
		return Projections.include(fields);
	}

	/**
	 * {@code field} in the night's window. Timestamps are numbers in real data (whole-valued doubles, sometimes
	 * int64) and compare numerically across numeric types; a BSON date never compares with a number in MongoDB, so
	 * dates get their own range, in the same milliseconds.
	 */
	static Bson inWindow(String field, NightWindow window) {
		return Filters.or(
				Filters.and(Filters.gte(field, new BsonInt64(window.startMillis())),
						Filters.lt(field, new BsonInt64(window.endMillis()))),
				Filters.and(Filters.gte(field, new BsonDateTime(window.startMillis())),
						Filters.lt(field, new BsonDateTime(window.endMillis()))));
	}

	/** Reviews created or approved in the night (CODE_REVIEWS). */
	static Bson reviewsOfTheNight(NightWindow window) {
		return Filters.or(inWindow("createdAt", window), inWindow("approvedAt", window));
	}

	/** Documents whose {@code _id} is one of {@code ids}, each as a string and, when it is one, as an ObjectId. */
	static Bson idIn(String field, Collection<String> ids) {
		return Filters.in(field, idValues(ids));
	}

	private static List<BsonValue> idValues(Collection<String> ids) {
		List<BsonValue> values = new ArrayList<>(ids.size() * 2);
		for (String id : ids) {
			values.add(new BsonString(id));
			if (ObjectId.isValid(id)) {
				values.add(new org.bson.BsonObjectId(new ObjectId(id)));
			}
		}
		return values;
	}

	/**
	 * The night's activity, counted by MongoDB in one pass over the night's posts (StoreQueries.NIGHT_POSTS): each
	 * post of the window counts once for its creator, by the first rule that applies: reviewId -> reviews;
	 * codemarkId -> codemarksInReviews or codemarks by the codemark's reviewId (not at all when the codemark is
	 * missing); parentPostId -> replies. An empty reference counts as unset, as in the import. References are hex
	 * strings while {@code _id}s are ObjectIds (or strings): the codemark is looked up under both forms of the
	 * reference. One result per creator, sorted by the creator's id as a string (MongoDB's binary string order,
	 * which is code-point order): {@code {_id: creatorId, codemarks, codemarksInReviews, reviews, replies}}. The
	 * sort spills to disk past MongoDB's memory limit when the caller allows it ({@code allowDiskUse}).
	 * <p>
	 * {@code posts} has no index on {@code createdAt} (CodeStream's are {@code teamId+_id}, {@code parentPostId+_id},
	 * {@code streamId+seqNum}), and phonehome creates none. {@code idMargin}, when not null, lets MongoDB walk the
	 * {@code _id} index instead of the whole collection: an ObjectId starts with its creation second, so the
	 * night's posts have ObjectIds from the window's start minus the margin to its end plus the margin (string ids
	 * are all kept). The createdAt window still decides which posts count; a post whose createdAt lies more than the
	 * margin away from its ObjectId's time is not counted.
	 */
	static List<Bson> activity(NightWindow window, Duration idMargin) {
		Bson night = inWindow("createdAt", window);
		if (idMargin != null) {
			night = Filters.and(Filters.or(Filters.type("_id", "string"),
					Filters.and(Filters.gte("_id", firstObjectIdOf(window.start().minus(idMargin))),
							Filters.lt("_id", firstObjectIdOf(window.end().plus(idMargin))))),
					night);
		}
		return List.of(new BsonDocument("$match", night.toBsonDocument()),
				new BsonDocument("$project", new BsonDocument("creator", BsonDocument.parse("{$toString: '$creatorId'}"))
					.append("review", asText("$reviewId"))
					.append("codemark", asText("$codemarkId"))
					.append("parent", asText("$parentPostId"))),
				// Two lookups rather than one over [string, ObjectId]: mongo-java-server does not evaluate
				// expressions inside an array literal, and both forms must be tried (an _id may be either).
				BsonDocument.parse("""
						{$addFields: {
						    codemarkAsId: {$cond: [{$and: [{$eq: ['$review', '']}, {$ne: ['$codemark', '']}]},
						        {$convert: {input: '$codemark', to: 'objectId', onError: null}}, null]},
						    codemarkAsString: {$cond: [{$and: [{$eq: ['$review', '']}, {$ne: ['$codemark', '']}]},
						        '$codemark', null]}}}
						"""),
				BsonDocument.parse(
						"{$lookup: {from: 'codemarks', localField: 'codemarkAsId', foreignField: '_id', as: 'byId'}}"),
				BsonDocument.parse(
						"{$lookup: {from: 'codemarks', localField: 'codemarkAsString', foreignField: '_id', as: 'byString'}}"),
				BsonDocument.parse("""
						{$project: {creator: 1, review: 1, codemark: 1, parent: 1,
						    codemarkFound: {$gt: [{$add: [{$size: '$byId'}, {$size: '$byString'}]}, 0]},
						    codemarkDoc: {$ifNull: [{$arrayElemAt: ['$byId', 0]}, {$arrayElemAt: ['$byString', 0]}]}}}
						"""),
				new BsonDocument("$project", BsonDocument.parse("{creator: 1, review: 1, codemark: 1, parent: 1, codemarkFound: 1}")
					.append("codemarkReview", asText("$codemarkDoc.reviewId"))),
				BsonDocument.parse("""
						{$group: {
						    _id: '$creator',
						    reviews: {$sum: {$cond: [{$ne: ['$review', '']}, 1, 0]}},
						    codemarksInReviews: {$sum: {$cond: [{$and: [{$eq: ['$review', '']}, '$codemarkFound',
						        {$ne: ['$codemarkReview', '']}]}, 1, 0]}},
						    codemarks: {$sum: {$cond: [{$and: [{$eq: ['$review', '']}, '$codemarkFound',
						        {$eq: ['$codemarkReview', '']}]}, 1, 0]}},
						    replies: {$sum: {$cond: [{$and: [{$eq: ['$review', '']}, {$eq: ['$codemark', '']},
						        {$ne: ['$parent', '']}]}, 1, 0]}}}}
						"""),
				new BsonDocument("$sort", new BsonDocument("_id", new BsonInt32(1))));
	}

	/** The smallest ObjectId of the second {@code instant} falls in: its creation second, then zeros. */
	static ObjectId firstObjectIdOf(Instant instant) {
		long second = Math.min(Math.max(instant.getEpochSecond(), 0), 0xFFFF_FFFFL);
		return new ObjectId(String.format("%08x", second) + "0".repeat(16));
	}

	/** A reference as its string (an ObjectId as hex), missing and null as {@code ''}, the "unset" of the rules. */
	private static BsonDocument asText(String path) {
		return new BsonDocument("$ifNull",
				new BsonArray(List.of(new BsonDocument("$toString", new BsonString(path)), new BsonString(""))));
	}

}
