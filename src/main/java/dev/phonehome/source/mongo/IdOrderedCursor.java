package dev.phonehome.source.mongo;

import java.util.Iterator;
import java.util.NoSuchElementException;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

/**
 * A collection's documents in the embedded store's order: by id as a string. MongoDB sorts {@code _id} by type
 * first (every string before every ObjectId), so one sorted cursor would put a string id such as "zz" before the
 * ObjectIds while the store puts it after. Two cursors, one per id type, each sorted by {@code _id} (ObjectId order
 * is hex-string order), are merged here: two open cursors and one batch each in memory, never the collection.
 * Ids of any other type are refused beforehand by {@link ContractCheck}.
 */
final class IdOrderedCursor implements Iterator<BsonDocument>, AutoCloseable {

	private final MongoCursor<BsonDocument> strings;

	private final MongoCursor<BsonDocument> objectIds;

	private BsonDocument nextString;

	private BsonDocument nextObjectId;

	IdOrderedCursor(MongoCollection<BsonDocument> collection, Bson filter, Bson projection, int batchSize) {
		this.strings = open(collection, filter, "string", projection, batchSize);
		this.objectIds = open(collection, filter, "objectId", projection, batchSize);
		this.nextString = advance(strings);
		this.nextObjectId = advance(objectIds);
	}

	private static MongoCursor<BsonDocument> open(MongoCollection<BsonDocument> collection, Bson filter,
			String idType, Bson projection, int batchSize) {
		return collection.find(Filters.and(filter, Filters.type("_id", idType)))
			.projection(projection)
			.sort(Sorts.ascending("_id"))
			.batchSize(batchSize)
			.iterator();
	}

	private static BsonDocument advance(MongoCursor<BsonDocument> cursor) {
		return cursor.hasNext() ? cursor.next() : null;
	}

	@Override
	public boolean hasNext() {
		return nextString != null || nextObjectId != null;
	}

	@Override
	public BsonDocument next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		BsonDocument next;
		if (nextObjectId == null
				|| (nextString != null && idText(nextString).compareTo(idText(nextObjectId)) <= 0)) {
			next = nextString;
			nextString = advance(strings);
		}
		else {
			next = nextObjectId;
			nextObjectId = advance(objectIds);
		}
		return next;
	}

	private static String idText(BsonDocument document) {
		BsonValue id = document.get("_id");
		return id.isObjectId() ? id.asObjectId().getValue().toHexString() : id.asString().getValue();
	}

	@Override
	public void close() {
		try {
			strings.close();
		}
		finally {
			objectIds.close();
		}
	}

}
