package dev.phonehome.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import dev.phonehome.installation.InstallationCollection;

/**
 * Writes a synthetic store's installation as the mongoexport dump {@code phonehome import} reads: the six JSON Lines
 * files, one relaxed Extended JSON v2 document a line (mongoexport's default), the documents shaped as
 * {@link StoreDocuments} reads them. Importing the dump must give back the store, table for table.
 */
final class DumpFiles {

	private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

	private DumpFiles() {
	}

	/** Writes the six files into {@code folder} (created); returns the documents written. */
	static long write(String storeUrl, Path folder) throws Exception {
		Files.createDirectories(folder);
		Map<String, BufferedWriter> writers = new LinkedHashMap<>();
		try (Connection store = DriverManager.getConnection(storeUrl, "sa", "")) {
			for (InstallationCollection collection : InstallationCollection.values()) {
				writers.put(collection.collectionName(), Files.newBufferedWriter(
						folder.resolve(collection.dumpFileName()), StandardCharsets.UTF_8));
			}
			return StoreDocuments.read(store, (collection, document) -> {
				BufferedWriter out = writers.get(collection);
				out.write(document.toJson(RELAXED));
				out.write('\n');
			});
		}
		finally {
			for (BufferedWriter writer : writers.values()) {
				try {
					writer.close();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
	}

}
