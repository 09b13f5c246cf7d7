package dev.phonehome.dump;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes a chunk of parsed documents into the import's staging tables, in the chunk's transaction, as one JDBC
 * batch per table with plain prepared statements (no per-row template or parameter-type lookup: issue 13's
 * profile showed them).
 *
 * <p>A repeated {@code _id} is refused naming the line of the repeat: within the chunk by a hash map before
 * anything is written. Against earlier chunks: on the embedded store the staging tables keep no key, and the live
 * table's key refuses the repeat while publishing ({@link RepeatedIds} names the line); on PostgreSQL the staging
 * table's primary key refuses it here (no per-chunk query: the key is checked by the insert itself), and only then
 * is the culprit looked up, on a connection of its own that sees the committed earlier chunks and not this one
 * (PostgreSQL aborts the failed transaction).
 */
class StagingWriter<T> implements ItemWriter<DumpRecord<T>> {

	/** SQLSTATE of a unique constraint violation, the same on H2 and PostgreSQL. */
	private static final String UNIQUE_VIOLATION = "23505";

	private final String fileName;

	private final StagingTable<T> table;

	private final DataSource dataSource;

	StagingWriter(String fileName, StagingTable<T> table, DataSource dataSource) {
		this.fileName = fileName;
		this.table = table;
		this.dataSource = dataSource;
	}

	@Override
	public void write(Chunk<? extends DumpRecord<T>> chunk) throws SQLException {
		List<? extends DumpRecord<T>> items = chunk.getItems();
		refuseRepeatsWithinChunk(items);
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			try (PreparedStatement insert = connection.prepareStatement(table.insertSql())) {
				for (DumpRecord<T> item : items) {
					bind(insert, table.values().apply(item.document()));
					insert.addBatch();
				}
				insert.executeBatch();
			}
			catch (SQLException ex) {
				if (isUniqueViolation(ex)) {
					throw repeatOfEarlierChunk(items);
				}
				throw ex;
			}
			for (StagingTable.Child<T> child : table.children()) {
				try (PreparedStatement insert = connection.prepareStatement(child.insertSql())) {
					int rows = 0;
					for (DumpRecord<T> item : items) {
						for (Object[] row : child.rows().apply(item.document())) {
							bind(insert, row);
							insert.addBatch();
							rows++;
						}
					}
					if (rows > 0) {
						insert.executeBatch();
					}
				}
			}
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static void bind(PreparedStatement insert, Object[] values) throws SQLException {
		for (int i = 0; i < values.length; i++) {
			Object value = values[i];
			if (value instanceof String text) {
				insert.setString(i + 1, text);
			}
			else if (value instanceof Long number) {
				insert.setLong(i + 1, number);
			}
			else if (value instanceof Boolean flag) {
				insert.setBoolean(i + 1, flag);
			}
			else {
				insert.setObject(i + 1, value);
			}
		}
	}

	private void refuseRepeatsWithinChunk(List<? extends DumpRecord<T>> items) {
		Map<String, Integer> lineById = new HashMap<>(items.size() * 2);
		for (DumpRecord<T> item : items) {
			Integer first = lineById.putIfAbsent(item.id(), item.line());
			if (first != null) {
				throw new BadInputException(fileName, item.line(),
						"duplicate _id " + BadInputException.shownId(item.id()) + " (first seen on line " + first + ")");
			}
		}
	}

	private static boolean isUniqueViolation(SQLException ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
				return true;
			}
			if (t instanceof BatchUpdateException batch && batch.getNextException() != null
					&& UNIQUE_VIOLATION.equals(batch.getNextException().getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/** The first item of the chunk whose {@code _id} an earlier (committed) chunk already staged. */
	private BadInputException repeatOfEarlierChunk(List<? extends DumpRecord<T>> items) throws SQLException {
		Set<String> staged = new HashSet<>();
		try (Connection own = dataSource.getConnection()) {
			for (int from = 0; from < items.size(); from += 500) {
				List<? extends DumpRecord<T>> part = items.subList(from, Math.min(items.size(), from + 500));
				String marks = String.join(", ", part.stream().map(i -> "?").toList());
				try (PreparedStatement query = own
					.prepareStatement("SELECT id FROM " + table.name() + " WHERE id IN (" + marks + ")")) {
					for (int i = 0; i < part.size(); i++) {
						query.setString(i + 1, part.get(i).id());
					}
					try (ResultSet rs = query.executeQuery()) {
						while (rs.next()) {
							staged.add(rs.getString(1));
						}
					}
				}
			}
		}
		for (DumpRecord<T> item : items) {
			if (staged.contains(item.id())) {
				return new BadInputException(fileName, item.line(),
						"duplicate _id " + BadInputException.shownId(item.id()) + " (already defined on an earlier line)");
			}
		}
		// not a repeated _id after all (a concurrent writer?): report it as what it is, without the driver's text
		return new BadInputException(fileName, items.get(0).line(),
				"the staging table refused the lines " + items.get(0).line() + "-" + items.get(items.size() - 1).line()
						+ " (a key violation that is not a repeated _id)");
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
