package dev.phonehome.dump;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Names the line of a repeated {@code _id} when publishing found one (embedded store only).
 *
 * <p>Why here and not while staging: the embedded store's staging tables of the six collections keep no primary
 * key (issue 13: the key's B-tree cost a third of staging's page writes and commits), so a repeat across chunks is
 * caught by the live table's primary key during the publishing transaction, which then rolls back: the store is
 * unchanged. Only then, on this error path, is the culprit looked for: one sorted pass over the staged ids finds
 * the repeated ones, one pass over the file the first line that repeats one of them. Repeats within a chunk are
 * still refused while staging ({@link StagingWriter}).
 */
final class RepeatedIds {

	/** Enough to find the first repeat in the file without holding every id of a broken dump. */
	private static final int MAX_REMEMBERED = 100_000;

	private RepeatedIds() {
	}

	static BadInputException find(JdbcTemplate jdbc, String stagingTable, Path file, String fileName) {
		Set<String> repeated = new HashSet<>();
		String[] previous = { null };
		jdbc.query("SELECT id FROM " + stagingTable + " ORDER BY id", (RowCallbackHandler) rs -> {
			String id = rs.getString(1);
			if (id.equals(previous[0]) && repeated.size() < MAX_REMEMBERED) {
				repeated.add(id);
			}
			previous[0] = id;
		});
		Set<String> seen = new HashSet<>();
		try (DumpLineReader reader = new DumpLineReader(Files.newInputStream(file), fileName,
				DumpLimits.MAX_LINE_BYTES)) {
			int number = 0;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				String id = DumpLineCheck.idOf(line);
				if (id != null && repeated.contains(id) && !seen.add(id)) {
					return new BadInputException(fileName, number,
							"duplicate _id " + BadInputException.shownId(id) + " (already defined on an earlier line)");
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + fileName + " again to name its repeated _id", ex);
		}
		// the live table's key refused the rows, but no repeat was found in the file (changed since staging?)
		return new BadInputException(fileName, 0,
				"the store's key refused the staged rows (a repeated _id, or the file changed during the import)");
	}

}
