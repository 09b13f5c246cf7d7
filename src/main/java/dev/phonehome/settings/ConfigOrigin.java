package dev.phonehome.settings;

import java.nio.file.Path;

/**
 * Where a services config was read from, safe to show and to record: a file, or the document of a MongoDB that
 * {@code structuredConfigurationSelected} pointed to (its serial number, the document's {@code _id}, and its
 * revision identify it). Its {@code toString} is what messages start with.
 *
 * @param where the file's path, or the MongoDB's URI with its credentials masked
 * @param serialNumber the {@code structuredConfiguration} document's {@code _id}; {@code null} for a file
 * @param revision that document's {@code revision}; {@code null} for a file, or when the document has none
 */
public record ConfigOrigin(String where, String serialNumber, Long revision) {

	public static ConfigOrigin file(Path file) {
		return new ConfigOrigin(file.toString(), null, null);
	}

	public boolean inMongoDb() {
		return serialNumber != null;
	}

	/** One phrase for the record and the run's log: "file /x.json", or the document and its revision. */
	public String describe() {
		return inMongoDb() ? toString() : "file " + where;
	}

	@Override
	public String toString() {
		return inMongoDb() ? "MongoDB " + where + ", structuredConfiguration " + serialNumber
				+ (revision == null ? "" : " revision " + revision) : where;
	}

}
