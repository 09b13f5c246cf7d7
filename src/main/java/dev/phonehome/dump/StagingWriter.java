package dev.phonehome.dump;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Writes a chunk of parsed documents into the import's staging tables. A repeated {@code _id} is refused before
 * anything is written, naming the line of the repeat: within the chunk, or against what earlier chunks staged.
 */
class StagingWriter<T> implements ItemWriter<DumpRecord<T>> {

	private final String fileName;

	private final StagingTable<T> table;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	StagingWriter(String fileName, StagingTable<T> table, JdbcTemplate jdbc) {
		this.fileName = fileName;
		this.table = table;
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	@Override
	public void write(Chunk<? extends DumpRecord<T>> chunk) {
		refuseRepeatedIds(chunk.getItems());
		List<Object[]> rows = new ArrayList<>(chunk.size());
		Map<StagingTable.Child<T>, List<Object[]>> childRows = new HashMap<>();
		for (DumpRecord<T> item : chunk) {
			rows.add(table.values().apply(item.document()));
			for (StagingTable.Child<T> child : table.children()) {
				childRows.computeIfAbsent(child, c -> new ArrayList<>()).addAll(child.rows().apply(item.document()));
			}
		}
		jdbc.batchUpdate(table.insertSql(), rows);
		for (StagingTable.Child<T> child : table.children()) {
			List<Object[]> values = childRows.getOrDefault(child, List.of());
			if (!values.isEmpty()) {
				jdbc.batchUpdate(child.insertSql(), values);
			}
		}
	}

	private void refuseRepeatedIds(List<? extends DumpRecord<T>> items) {
		Map<String, Integer> lineById = new HashMap<>();
		for (DumpRecord<T> item : items) {
			Integer first = lineById.putIfAbsent(item.id(), item.line());
			if (first != null) {
				throw new BadInputException(fileName, item.line(),
						"duplicate _id " + BadInputException.shownId(item.id()) + " (first seen on line " + first + ")");
			}
		}
		List<String> staged = named.queryForList("SELECT id FROM " + table.name() + " WHERE id IN (:ids)",
				new MapSqlParameterSource("ids", lineById.keySet()), String.class);
		items.stream()
			.filter(item -> staged.contains(item.id()))
			.findFirst()
			.ifPresent(item -> {
				throw new BadInputException(fileName, item.line(),
						"duplicate _id " + BadInputException.shownId(item.id()) + " (already defined on an earlier line)");
			});
	}

	/** A staging table, the values of one row per document, and child tables for a document's arrays. */
	record StagingTable<T>(String name, List<String> columns, Function<T, Object[]> values, List<Child<T>> children) {

		String insertSql() {
			return insertInto(name, columns);
		}

		record Child<T>(String name, List<String> columns, Function<T, List<Object[]>> rows) {

			String insertSql() {
				return insertInto(name, columns);
			}

		}

		static String insertInto(String table, List<String> columns) {
			return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
					+ String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
		}

	}

}
