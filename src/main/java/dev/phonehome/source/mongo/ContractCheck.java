package dev.phonehome.source.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.bson.BsonDocument;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;

import dev.phonehome.installation.BadDocumentException;
import dev.phonehome.installation.InstallationCollection;
import dev.phonehome.installation.InstallationDocuments;
import dev.phonehome.record.NightWindow;

/**
 * Finds, inside MongoDB, the documents the import would refuse although the night never reads them one by one:
 * posts and codemarks are only counted by the aggregation, reviews only read in the window, users' addresses not
 * fetched on a paid night. One query per collection asks for a field of the wrong BSON type (or an {@code _id} that
 * is neither a string nor an ObjectId); each hit is mapped through {@link InstallationDocuments}, which throws the
 * same {@link BadDocumentException} (collection, {@code _id}, field) the import does. A clean installation costs
 * one collection scan per query and returns nothing.
 */
final class ContractCheck {

	private static final String IDS = "['string', 'objectId', 'null']";

	private static final String TIMESTAMPS = "['int', 'long', 'double', 'decimal', 'date', 'null']";

	private ContractCheck() {
	}

	/** Every document's {@code _id}: the readers ask for strings and ObjectIds only, so nothing else may exist. */
	static void ids(MongoInstallation mongo, InstallationCollection collection,
			Function<BsonDocument, ?> mapper) {
		check(mongo, collection, BsonDocument.parse("{_id: {$not: {$type: ['string', 'objectId']}}}"),
				com.mongodb.client.model.Projections.include("_id"), mapper);
	}

	/**
	 * One query: a field of a wrong type anywhere in the collection, or a fractional timestamp among the night's
	 * posts (only they are counted, so only they are checked for it).
	 */
	static void posts(MongoInstallation mongo, NightWindow window) {
		// "x - trunc(x) != 0" rather than "x != trunc(x)": mongo-java-server compares a long with a double as longs.
		Bson fractionalInTheNight = Filters.and(Filters.gte("createdAt", window.startMillis()),
				Filters.lt("createdAt", window.endMillis()), BsonDocument.parse("""
						{$expr: {$ne: [0, {$subtract: [
						    {$convert: {input: '$createdAt', to: 'double', onError: 0, onNull: 0}},
						    {$trunc: {$convert: {input: '$createdAt', to: 'double', onError: 0, onNull: 0}}}]}]}}
						"""));
		check(mongo, InstallationCollection.POSTS,
				Filters.or(wrongTypes(List.of("creatorId", "codemarkId", "reviewId", "parentPostId"),
						List.of("createdAt")), fractionalInTheNight),
				MongoQueries.POSTS, InstallationDocuments::post);
	}

	static void codemarks(MongoInstallation mongo) {
		check(mongo, InstallationCollection.CODEMARKS, wrongTypes(List.of("reviewId"), List.of("createdAt")),
				MongoQueries.CODEMARKS, InstallationDocuments::codemark);
	}

	static void reviews(MongoInstallation mongo) {
		check(mongo, InstallationCollection.REVIEWS,
				wrongTypes(List.of("teamId", "creatorId"), List.of("createdAt", "approvedAt")), MongoQueries.REVIEWS,
				InstallationDocuments::review);
	}

	/** On a paid night the address is never fetched, so its type is checked where it lies. */
	static void userEmails(MongoInstallation mongo) {
		check(mongo, InstallationCollection.USERS, wrongTypes(List.of("email"), List.of()),
				com.mongodb.client.model.Projections.include("_id", "email"), InstallationDocuments::user);
	}

	private static Bson wrongTypes(List<String> idFields, List<String> timestampFields) {
		List<Bson> wrong = new ArrayList<>();
		wrong.add(BsonDocument.parse("{_id: {$not: {$type: ['string', 'objectId']}}}"));
		idFields.forEach(field -> wrong.addAll(wrongType(field, IDS)));
		timestampFields.forEach(field -> wrong.addAll(wrongType(field, TIMESTAMPS)));
		return Filters.or(wrong);
	}

	/** Present, not of the accepted types; or an array ({@code $type} also matches an array's elements). */
	private static List<Bson> wrongType(String field, String acceptedTypes) {
		return List.of(BsonDocument.parse("{'" + field + "': {$exists: true, $not: {$type: " + acceptedTypes + "}}}"),
				BsonDocument.parse("{'" + field + "': {$type: 'array'}}"));
	}

	private static void check(MongoInstallation mongo, InstallationCollection collection, Bson badDocuments,
			Bson projection, Function<BsonDocument, ?> mapper) {
		try (MongoCursor<BsonDocument> found = mongo.collection(collection)
			.find(badDocuments)
			.projection(projection)
			.batchSize(10)
			.iterator()) {
			while (found.hasNext()) {
				// throws BadDocumentException naming the document and field; a document it accepts was a false alarm
				mapper.apply(found.next());
			}
		}
		catch (com.mongodb.MongoException ex) {
			throw mongo.unavailable(ex);
		}
	}

}
