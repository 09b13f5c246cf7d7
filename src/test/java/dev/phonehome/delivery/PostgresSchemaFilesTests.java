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

	private static final Path POSTGRES_SCHEMA = Path.of("ops/sql/postgresql-2-phonehome-schema.sql");

	@Test
	void opsSqlShouldHoldTheSchemaPhonehomeCreates() throws Exception {
		// given
		String profile = Files.readString(Path.of("src/main/resources/application-postgres.properties"));

		// when
		String documented = Files.readString(POSTGRES_SCHEMA);

		// then: the postgres profile initialises the store from the documented file itself
		assertThat(profile).contains("spring.sql.init.schema-locations=classpath:" + POSTGRES_SCHEMA + "\n");
		assertThat(documented).contains("CREATE TABLE IF NOT EXISTS phonehome_outbox");
	}

	@Test
	void postgresStoreShouldHaveTheTablesAndColumnsOfTheH2Store() throws Exception {
		// given
		List<String> h2 = columns(Files.readString(STORE.resolve("schema-h2.sql")));

		// when
		List<String> postgres = columns(Files.readString(POSTGRES_SCHEMA));

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
