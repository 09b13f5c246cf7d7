package dev.phonehome.dump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.phonehome.PhoneHomeTestSupport;
import dev.phonehome.cli.ExitCode;
import dev.phonehome.testing.DumpFixture;

/** {@code phonehome import}: a good dump replaces the store; a bad one is refused by file and line, changing nothing. */
class DumpImportFunctionalTests extends PhoneHomeTestSupport {

	@TempDir
	Path folder;

	@BeforeEach
	void storeHoldsTheFreeDemo() {
		assertThat(cli("import", "--from", demoDump("free")).exitCode()).isZero();
	}

	@Test
	void importShouldReplaceTheStoreAndReportCounts() {
		// given
		Path dump = new DumpFixture().company("{\"_id\": \"only\"}").user("{\"_id\": \"u1\"}").writeTo(folder.resolve("d"));

		// when
		CliResult result = cli("import", "--from", dump.toString());

		// then
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("companies     1", "users         1", "posts         0");
		assertThat(jdbc.queryForList("SELECT id FROM companies", String.class)).containsExactly("only");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM posts", Integer.class)).isZero();
	}

	@Test
	void importShouldStoreOnlyTheContractFields() {
		assertThat(jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE table_schema = 'PUBLIC' AND table_name = 'USERS'",
				String.class))
			.containsExactlyInAnyOrder("ID", "EMAIL", "IS_REGISTERED", "DEACTIVATED", "REGISTERED_AT", "JOIN_METHOD",
					"LAST_LOGIN", "LAST_ORIGIN", "LAST_ORIGIN_DETAIL", "EXTERNAL_USER_ID");
		// tokens are never imported, only which providers a user holds one for
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_providers", Integer.class)).isPositive();
	}

	@Test
	void malformedLineShouldNameFileAndLineAndChangeNothing() throws IOException {
		Path dump = validDump();
		Files.writeString(dump.resolve("posts.json"), "{\"_id\": \"p1\"}\n\n{\"_id\": \"p2\", \"createdAt\": }\n");

		assertRefused(dump, "posts.json line 3: _id p2, field 'createdAt': not a valid JSON document");
	}

	@Test
	void wrongTypeShouldNameFileLineIdAndField() throws IOException {
		Path dump = validDump();
		Files.writeString(dump.resolve("users.json"),
				"{\"_id\": {\"$oid\": \"5fa01215c3a94e1d2b7f0a10\"}, \"lastLogin\": \"2021-03-15\"}\n");

		assertRefused(dump,
				"users.json line 1: _id 5fa01215c3a94e1d2b7f0a10, field 'lastLogin': expected a timestamp");
	}

	@Test
	void fractionalTimestampShouldBeRefused() throws IOException {
		Path dump = validDump();
		Files.writeString(dump.resolve("reviews.json"), "{\"_id\": \"r1\", \"approvedAt\": 1615766400000.25}\n");

		assertRefused(dump, "reviews.json line 1: _id r1, field 'approvedAt': a timestamp must be a whole number");
	}

	@Test
	void missingIdShouldBeRefused() throws IOException {
		Path dump = validDump();
		Files.writeString(dump.resolve("teams.json"), "{\"_id\": \"t1\"}\n{\"name\": \"no id\"}\n");

		assertRefused(dump, "teams.json line 2: field '_id': the required _id is missing");
	}

	@Test
	void duplicateIdShouldBeRefusedNamingBothLines() throws IOException {
		Path dump = validDump();
		Files.writeString(dump.resolve("companies.json"), "{\"_id\": \"c1\"}\n{\"_id\": \"c2\"}\n{\"_id\": \"c1\"}\n");

		assertRefused(dump, "companies.json line 3: duplicate _id c1 (first seen on line 1)");
	}

	@Test
	void duplicateIdAcrossChunksShouldBeRefused() throws IOException {
		Path dump = validDump();
		// more lines than one import chunk (phonehome.import.chunk-size, 10,000): the repeat is in the second chunk,
		// found by the live table's key while publishing (RepeatedIds names the line), not by the chunk's own map
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < 10_500; i++) {
			lines.append("{\"_id\": \"p").append(i).append("\"}\n");
		}
		lines.append("{\"_id\": \"p7\"}\n");
		Files.writeString(dump.resolve("posts.json"), lines);

		assertRefused(dump, "posts.json line 10501: duplicate _id p7 (already defined on an earlier line)");
	}

	@Test
	void missingFileShouldBeNamed() throws IOException {
		Path dump = validDump();
		Files.delete(dump.resolve("codemarks.json"));

		CliResult result = cli("import", "--from", dump.toString());

		assertThat(result.exitCode()).isEqualTo(ExitCode.BAD_DATA.code());
		assertThat(result.err()).contains("missing codemarks.json");
		assertDemoStillStored();
	}

	private Path validDump() {
		return new DumpFixture().company("{\"_id\": \"c1\"}").user("{\"_id\": \"u1\"}").writeTo(folder.resolve("dump"));
	}

	private void assertRefused(Path dump, String message) {
		CliResult result = cli("import", "--from", dump.toString());

		assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.BAD_DATA.code());
		assertThat(result.err()).contains(message).contains("The store was not changed");
		assertDemoStillStored();
	}

	private void assertDemoStillStored() {
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users", Integer.class)).isEqualTo(50);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM companies", Integer.class)).isEqualTo(4);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_users", Integer.class)).isZero();
	}

}
