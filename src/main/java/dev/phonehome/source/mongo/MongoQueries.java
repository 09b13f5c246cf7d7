package dev.phonehome.source.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
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

	/** Tokens live under providerInfo: it is read for the integrations only, and only the providers are kept. */
	static final Bson USER_PROVIDERS = Projections.include("_id", "providerInfo");

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
	 * The night's activity of some users, counted by MongoDB (the users query of StoreQueries): each post of the
	 * window counts once for its creator, by the first rule that applies: reviewId -> reviews; codemarkId ->
	 * codemarksInReviews or codemarks by the codemark's reviewId (not at all when the codemark is missing);
	 * parentPostId -> replies. An empty reference counts as unset, as in the import. References are hex strings
	 * while {@code _id}s are ObjectIds (or strings): the codemark is looked up under both forms of the reference.
	 * One result per creator: {@code {_id: creatorId, codemarks, codemarksInReviews, reviews, replies}}.
	 */
	static List<Bson> activity(Collection<String> creatorIds, NightWindow window) {
		return List.of(
				new BsonDocument("$match",
						Filters.and(idIn("creatorId", creatorIds), inWindow("createdAt", window)).toBsonDocument()),
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
						"""));
	}

	/** A reference as its string (an ObjectId as hex), missing and null as {@code ''}, the "unset" of the rules. */
	private static BsonDocument asText(String path) {
		return new BsonDocument("$ifNull",
				new BsonArray(List.of(new BsonDocument("$toString", new BsonString(path)), new BsonString(""))));
	}

}
