package dev.phonehome.source;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the store (embedded H2 or PostgreSQL) holds: the last dump {@code import} published into it. A copy of the
 * installation is only as new as its import, so a night later than it must not be reported as if it were live.
 *
 * @param importedAt when the import was published (the application's clock)
 * @param dumpFolder the dump folder it was read from (absolute)
 * @param fileDigests SHA-256 of each dump file, by file name
 * @param newestCreatedAt the newest {@code createdAt} among the imported documents; {@code null} when none has one
 */
public record StoreImport(Instant importedAt, String dumpFolder, Map<String, String> fileDigests,
		Instant newestCreatedAt) {

	public StoreImport {
		fileDigests = java.util.Collections.unmodifiableMap(new TreeMap<>(fileDigests));
	}

	/** The digests as one line: {@code name=sha256,...} in file-name order. */
	public String digestsLine() {
		return fileDigests.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
	}

	public static Map<String, String> parseDigests(String line) {
		Map<String, String> digests = new TreeMap<>();
		if (line != null && !line.isBlank()) {
			for (String entry : line.split(",")) {
				String[] nameAndDigest = entry.split("=", 2);
				digests.put(nameAndDigest[0], nameAndDigest.length > 1 ? nameAndDigest[1] : "");
			}
		}
		return digests;
	}

}
