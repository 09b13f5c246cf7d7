package dev.phonehome.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The documented schema in ops/sql is the one phonehome creates, and the PostgreSQL store mirrors the H2 one. */
class PostgresSchemaFilesTests {

	private static final Path STORE = Path.of("src/main/resources/store");

	@Test
	void opsSqlShouldHoldTheSchemaPhonehomeCreates() throws Exception {
		// given
		String created = Files.readString(STORE.resolve("schema-postgresql.sql"));

		// when
		String documented = Files.readString(Path.of("ops/sql/postgresql-2-phonehome-schema.sql"));

		// then
		assertThat(documented).endsWith(created);
	}

	@Test
	void postgresStoreShouldHaveTheTablesAndColumnsOfTheH2Store() throws Exception {
		// given
		List<String> h2 = columns(Files.readString(STORE.resolve("schema-h2.sql")));

		// when
		List<String> postgres = columns(Files.readString(STORE.resolve("schema-postgresql.sql")));

		// then
		assertThat(postgres).isEqualTo(h2).isNotEmpty();
	}

	/** "table.column" for every column definition line, in order. */
	private static List<String> columns(String sql) {
		var tables = Pattern.compile("CREATE TABLE IF NOT EXISTS (\\w+) \\((.*?)\\);", Pattern.DOTALL).matcher(sql);
		java.util.ArrayList<String> columns = new java.util.ArrayList<>();
		while (tables.find()) {
			for (String line : tables.group(2).split("\n")) {
				String column = line.strip().split("\\s+")[0];
				if (!column.isEmpty() && !column.equals("PRIMARY")) {
					columns.add(tables.group(1) + "." + column);
				}
			}
		}
		return columns;
	}

}
