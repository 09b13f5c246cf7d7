package dev.phonehome.source.mongo;

import java.util.function.Function;

import org.bson.BsonDocument;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import com.mongodb.MongoException;

/**
 * Reads one collection in id order ({@link IdOrderedCursor}, cursor batches of the fetch size), maps each raw
 * document through the installation's contract and then to a payload item ({@code null}: not in the section).
 * The item count is saved at each chunk, so a restarted night skips what it already wrote, like the JDBC readers.
 */
class MongoDocumentReader<T> extends AbstractItemCountingItemStreamItemReader<T> {

	private final MongoInstallation mongo;

	private final Opening opening;

	private final Function<BsonDocument, T> mapper;

	private IdOrderedCursor cursor;

	MongoDocumentReader(String name, MongoInstallation mongo, Opening opening, Function<BsonDocument, T> mapper) {
		setName(name);
		this.mongo = mongo;
		this.opening = opening;
		this.mapper = mapper;
	}

	@Override
	protected void doOpen() {
		try {
			cursor = opening.open();
		}
		catch (MongoException ex) {
			throw mongo.unavailable(ex);
		}
	}

	@Override
	protected T doRead() {
		try {
			while (cursor.hasNext()) {
				T item = mapper.apply(cursor.next());
				if (item != null) {
					return item;
				}
			}
			return null;
		}
		catch (MongoException ex) {
			throw mongo.unavailable(ex);
		}
	}

	@Override
	protected void doClose() {
		if (cursor != null) {
			cursor.close();
			cursor = null;
		}
	}

	/** Checks what the reader needs (collections, contract) and opens its cursor. */
	@FunctionalInterface
	interface Opening {

		IdOrderedCursor open();

	}

}
