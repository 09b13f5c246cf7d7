package dev.phonehome.installation;

/**
 * A document of the installation that does not follow the contract (shared/contract/installation-dump.md):
 * names the collection, the document's {@code _id} (when known) and the field.
 */
public class BadDocumentException extends RuntimeException {

	private final InstallationCollection collection;

	private final String documentId;

	private final String field;

	private final String reason;

	public BadDocumentException(InstallationCollection collection, String documentId, String field, String reason) {
		super(describe(collection, documentId, field, reason));
		this.collection = collection;
		this.documentId = documentId;
		this.field = field;
		this.reason = reason;
	}

	private static String describe(InstallationCollection collection, String documentId, String field,
			String reason) {
		StringBuilder text = new StringBuilder(collection.collectionName());
		if (documentId != null) {
			text.append(" _id ").append(documentId);
		}
		if (field != null) {
			text.append(", field '").append(field).append("'");
		}
		return text.append(": ").append(reason).toString();
	}

	public InstallationCollection collection() {
		return collection;
	}

	public String documentId() {
		return documentId;
	}

	public String field() {
		return field;
	}

	public String reason() {
		return reason;
	}

}
