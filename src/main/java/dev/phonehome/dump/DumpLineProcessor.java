package dev.phonehome.dump;

import java.util.function.Function;

import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.json.JsonParseException;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import dev.phonehome.installation.BadDocumentException;
import dev.phonehome.installation.InstallationCollection;

/**
 * Parses one line of Extended JSON (relaxed or canonical, BSON's own parser) into the fields phonehome keeps.
 * Blank lines are filtered out; anything else that is not a valid document fails with file, line, id and field.
 * {@link DumpLineCheck} looks at the line first (strict JSON, nesting cap, repeated keys).
 */
class DumpLineProcessor<T> implements ItemProcessor<DumpLine, DumpRecord<T>> {

	private final InstallationCollection collection;

	private final Function<BsonDocument, T> mapper;

	private final Function<T, String> id;

	DumpLineProcessor(InstallationCollection collection, Function<BsonDocument, T> mapper, Function<T, String> id) {
		this.collection = collection;
		this.mapper = mapper;
		this.id = id;
	}

	@Override
	public DumpRecord<T> process(DumpLine line) {
		if (line.isBlank()) {
			return null;
		}
		DumpLineCheck.check(collection.dumpFileName(), line);
		BsonDocument raw;
		try {
			raw = BsonDocument.parse(line.text());
		}
		catch (JsonParseException | BsonInvalidOperationException | IllegalArgumentException ex) {
			// the parser's message quotes the line, which may hold an address or a token: never copied
			throw new BadInputException(collection.dumpFileName(), line.number(),
					"not a valid Extended JSON document (a syntax error, or a $-value such as $oid or $date of the "
							+ "wrong form); the line is not shown, it may hold personal data");
		}
		try {
			T document = mapper.apply(raw);
			return new DumpRecord<>(line.number(), id.apply(document), document);
		}
		catch (BadDocumentException ex) {
			throw new BadInputException(collection.dumpFileName(), line.number(), describe(ex));
		}
		catch (RuntimeException ex) {
			// a value the contract's reading did not foresee: still bad input of this line, and the exception's
			// own message is not copied (it may quote the value)
			throw new BadInputException(collection.dumpFileName(), line.number(),
					"a value could not be read (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private static String describe(BadDocumentException ex) {
		StringBuilder text = new StringBuilder();
		if (ex.documentId() != null) {
			text.append("_id ").append(BadInputException.shownId(ex.documentId())).append(", ");
		}
		if (ex.field() != null) {
			text.append("field '").append(ex.field()).append("': ");
		}
		return text.append(ex.reason()).toString();
	}

}
