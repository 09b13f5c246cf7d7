package dev.phonehome.source;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;


/**
 * The store's memory of its imports (table {@code phonehome_store_import}, one row per published import, only
 * ever added): written by {@code import} in the transaction that publishes the data, read by every night that reads
 * the store. Present whatever the source, since the store's tables always exist.
 */
@Component
public class StoreImports {

	private final JdbcTemplate jdbc;

	StoreImports(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Records an import; call it inside the transaction that publishes the imported data. */
	public void record(StoreImport imported) {
		jdbc.update("INSERT INTO phonehome_store_import (imported_at, dump_folder, file_digests, newest_created_at) "
				+ "VALUES (?, ?, ?, ?)", imported.importedAt().toEpochMilli(), imported.dumpFolder(),
				imported.digestsLine(),
				imported.newestCreatedAt() == null ? null : imported.newestCreatedAt().toEpochMilli());
	}

	/** The import the store's data comes from: the last one published. */
	public Optional<StoreImport> latest() {
		List<StoreImport> rows = jdbc.query("SELECT imported_at, dump_folder, file_digests, newest_created_at "
				+ "FROM phonehome_store_import ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", (rs, n) -> {
					long newest = rs.getLong("newest_created_at");
					return new StoreImport(Instant.ofEpochMilli(rs.getLong("imported_at")), rs.getString("dump_folder"),
							StoreImport.parseDigests(rs.getString("file_digests")),
							rs.wasNull() ? null : Instant.ofEpochMilli(newest));
				});
		return rows.stream().findFirst();
	}

	/**
	 * The newest {@code createdAt} among the store's documents that carry one (companies, teams, posts,
	 * codemarks, reviews); {@code null} for an empty store.
	 */
	public Instant newestCreatedAt() {
		Long newest = jdbc.queryForObject("SELECT MAX(m) FROM ("
				+ "SELECT MAX(created_at) AS m FROM companies UNION ALL SELECT MAX(created_at) FROM teams "
				+ "UNION ALL SELECT MAX(created_at) FROM posts UNION ALL SELECT MAX(created_at) FROM codemarks "
				+ "UNION ALL SELECT MAX(created_at) FROM reviews) t", Long.class);
		return newest == null ? null : Instant.ofEpochMilli(newest);
	}

}
