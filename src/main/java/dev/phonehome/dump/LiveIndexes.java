package dev.phonehome.dump;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The live tables' secondary indexes (not their primary keys), set aside while an import publishes and built again
 * afterwards, on the embedded store (H2) only.
 *
 * <p>Why: publishing 1,000,000 posts into a table that keeps three indexes spent most of the import in H2's B-tree
 * page writes (JFR: {@code MVStore.beforeWrite} under {@code MVSecondaryIndex.add}, the creator index in random
 * order); {@code CREATE INDEX} on the loaded table sorts once instead. H2 commits on DDL, so dropping and building
 * are steps of their own around the publishing transaction, which stays one transaction. What a crash leaves: the
 * live data is always either the old or the new set (the publishing transaction); an index missing after a kill
 * only makes queries slower until the next start of any phonehome command, which runs the store's schema script
 * ({@code CREATE INDEX IF NOT EXISTS}), or the next import; a failed import builds them again at once.
 */
final class LiveIndexes {

	private LiveIndexes() {
	}

	/**
	 * The {@code CREATE INDEX IF NOT EXISTS} statements of the store's schema script that index a table an import
	 * replaces: the script every start runs is the one source of these indexes, so an import builds exactly what a
	 * restart would.
	 */
	static List<String> definitions() {
		Set<String> tables = StoreTables.allStagingTables()
			.stream()
			.map(t -> StoreTables.liveName(t.name()))
			.collect(Collectors.toSet());
		String script;
		try (InputStream in = new ClassPathResource(SCHEMA).getInputStream()) {
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + SCHEMA, ex);
		}
		List<String> statements = new ArrayList<>();
		Matcher m = CREATE_INDEX.matcher(script);
		while (m.find()) {
			if (tables.contains(m.group(2).toLowerCase(Locale.ROOT))) {
				statements.add(m.group().trim());
			}
		}
		return statements;
	}

	private static final String SCHEMA = "store/schema-h2.sql";

	private static final Pattern CREATE_INDEX = Pattern
		.compile("(?im)^CREATE INDEX IF NOT EXISTS (\\w+) ON (\\w+) \\([^)]*\\)");

	/** Drops the indexes {@link #definitions} names. */
	static void drop(JdbcTemplate jdbc, List<String> definitions) {
		for (String definition : definitions) {
			Matcher m = CREATE_INDEX.matcher(definition);
			if (m.find()) {
				jdbc.execute("DROP INDEX IF EXISTS " + m.group(1));
			}
		}
	}

	/** Builds them again (each is skipped if it exists). */
	static void build(JdbcTemplate jdbc, List<String> definitions) {
		definitions.forEach(jdbc::execute);
	}

}
