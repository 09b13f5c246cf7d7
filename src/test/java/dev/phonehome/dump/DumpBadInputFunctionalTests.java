package dev.phonehome.dump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.phonehome.PhoneHomeTestSupport;
import dev.phonehome.cli.ExitCode;
import dev.phonehome.secrets.SecretScan;
import dev.phonehome.testing.DumpFixture;

/**
 * Issue 11, "Bad input": each hostile or broken dump line is refused with exit 4 and a message naming file, line,
 * {@code _id} (when known) and field; the store keeps what it held; the address on the bad line appears nowhere
 * (output, logs, any table, job exit messages included).
 */
@ExtendWith(OutputCaptureExtension.class)
class DumpBadInputFunctionalTests extends PhoneHomeTestSupport {

	/** On every bad line; never in the free demo, so finding it anywhere is a leak. */
	private static final String ADDRESS = "canary.bad-input@leak.example";

	@TempDir
	Path folder;

	@BeforeEach
	void storeHoldsTheFreeDemo() {
		assertThat(cli("import", "--from", demoDump("free")).exitCode()).isZero();
	}

	@ParameterizedTest(name = "$numberDecimal {0}")
	@CsvSource({ "NaN, NaN or Infinity", "-NaN, NaN or Infinity", "Infinity, NaN or Infinity",
			"-Infinity, NaN or Infinity", "-0, negative zero", "-0E+3, negative zero" })
	void decimalThatIsNoNumberShouldBeRefused(String decimal, String why, CapturedOutput output) throws IOException {
		Path dump = validDump();
		Files.writeString(dump.resolve("users.json"), "{\"_id\": \"u1\"}\n{\"_id\": \"u2\", \"email\": \"" + ADDRESS
				+ "\", \"lastLogin\": {\"$numberDecimal\": \"" + decimal + "\"}}\n");

		assertRefused(dump, "users.json line 2: _id u2, field 'lastLogin': a timestamp must be a whole number of "
				+ "milliseconds, found a", output);
		assertThat(cli("import", "--from", dump.toString()).err()).contains(why);
	}

	@Test
	void doubleNegativeZeroShouldBeRefused(CapturedOutput output) throws IOException {
		Path dump = validDump();
		Files.writeString(dump.resolve("reviews.json"), "{\"_id\": \"r1\", \"approvedAt\": {\"$numberDouble\": \"-0.0\"}}\n");

		assertRefused(dump, "reviews.json line 1: _id r1, field 'approvedAt': a timestamp must be a whole number of "
				+ "milliseconds, found a negative zero", output);
	}

	@Test
	void deepNestingShouldBeRefusedWithoutOverflowingTheStack(CapturedOutput output) throws IOException {
		int depth = 200_000;
		Path dump = validDump();
		String line = "{\"_id\": {\"$oid\": \"5fa01215c3a94e1d2b7f0a10\"}, \"email\": \"" + ADDRESS
				+ "\", \"providerInfo\": " + "{\"a\": ".repeat(depth) + "1" + "}".repeat(depth) + "}";
		Files.writeString(dump.resolve("users.json"), "{\"_id\": \"u1\"}\n" + line + "\n");

		assertRefused(dump, "users.json line 2: _id 5fa01215c3a94e1d2b7f0a10, field 'providerInfo.a.a.a.a.a.a.a… "
				+ "(100 levels)': JSON nested deeper than the documented cap of 100 levels", output);
	}

	@Test
	void nestingUpToTheCapShouldBeImported() throws IOException {
		// the root object is level 1: 98 more objects and the array bring it to 100
		Path dump = new DumpFixture().company("{\"_id\": \"c1\"}")
			.user("{\"_id\": \"u1\", \"x\": " + "{\"a\": ".repeat(98) + "[1]" + "}".repeat(98) + "}")
			.writeTo(folder.resolve("deep"));

		CliResult result = cli("import", "--from", dump.toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(jdbc.queryForList("SELECT id FROM users", String.class)).containsExactly("u1");
	}

	@Test
	void duplicateKeyShouldBeRefusedRatherThanTheLastOneWinning(CapturedOutput output) throws IOException {
		Path dump = validDump();
		Files.writeString(dump.resolve("companies.json"), "{\"_id\": \"c1\", \"plan\": \"BUSINESS\"}\n"
				+ "{\"_id\": \"c2\", \"name\": \"" + ADDRESS + "\", \"plan\": \"BUSINESS\", \"plan\": \"FREEPLAN\"}\n");

		assertRefused(dump, "companies.json line 2: _id c2, field 'plan': the key appears twice in the same object",
				output);
	}

	@Test
	void duplicateKeyDeepInsideShouldNameItsPath(CapturedOutput output) throws IOException {
		Path dump = validDump();
		Files.writeString(dump.resolve("users.json"), "{\"_id\": \"u1\", \"email\": \"" + ADDRESS + "\", "
				+ "\"providerInfo\": {\"t1\": {\"github\": {\"accessToken\": \"x\", \"accessToken\": \"y\"}}}}\n");

		assertRefused(dump, "users.json line 1: _id u1, field 'providerInfo.t1.github.accessToken': the key appears "
				+ "twice", output);
	}

	@Test
	void duplicateKeyThatIsAnAddressShouldNotBeShown(CapturedOutput output) throws IOException {
		Path dump = validDump();
		Files.writeString(dump.resolve("teams.json"),
				"{\"_id\": \"t1\", \"settings\": {\"" + ADDRESS + "\": 1, \"" + ADDRESS + "\": 2}}\n");

		assertRefused(dump, "teams.json line 1: _id t1, field 'settings.<key>': the key appears twice", output);
	}

	@Test
	void lineLongerThanTheCapShouldBeRefused(CapturedOutput output) throws IOException {
		Path dump = validDump();
		try (OutputStream out = Files.newOutputStream(dump.resolve("posts.json"))) {
			out.write("{\"_id\": \"p1\"}\n{\"_id\": \"p2\", \"text\": \"".getBytes(StandardCharsets.UTF_8));
			out.write(ADDRESS.getBytes(StandardCharsets.UTF_8));
			byte[] filler = new byte[1024 * 1024];
			java.util.Arrays.fill(filler, (byte) 'x');
			for (int i = 0; i < DumpLimits.MAX_LINE_BYTES / filler.length; i++) {
				out.write(filler);
			}
			out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
		}

		assertRefused(dump, "posts.json line 2: the line is longer than the documented cap of 33554432 bytes (32 MiB)",
				output);
	}

	@Test
	void lineJustUnderTheCapShouldBeRead() throws IOException {
		Path dump = validDump();
		String prefix = "{\"_id\": \"p1\", \"text\": \"";
		String suffix = "\"}";
		int filler = DumpLimits.MAX_LINE_BYTES - prefix.length() - suffix.length();
		Files.writeString(dump.resolve("posts.json"), prefix + "x".repeat(filler) + suffix + "\r\n");

		CliResult result = cli("import", "--from", dump.toString());

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(jdbc.queryForList("SELECT id FROM posts", String.class)).containsExactly("p1");
	}

	@Test
	void bytesThatAreNotUtf8ShouldBeReportedNotReplaced(CapturedOutput output) throws IOException {
		Path dump = validDump();
		try (OutputStream out = Files.newOutputStream(dump.resolve("users.json"))) {
			out.write("{\"_id\": \"u1\", \"email\": \"zo\u00eb@example.org\"}\n{\"_id\": \"u2\", \"email\": \""
				.getBytes(StandardCharsets.UTF_8));
			out.write(ADDRESS.getBytes(StandardCharsets.UTF_8));
			// Latin-1 "é": a lone continuation-less lead byte in UTF-8
			out.write(new byte[] { (byte) 0xE9, '"', '}', '\n' });
		}

		assertRefused(dump, "users.json line 2: the line is not valid UTF-8 (malformed bytes are refused, never "
				+ "replaced)", output);
	}

	@Test
	void idThatLooksLikeAnAddressShouldNotBeShown(CapturedOutput output) throws IOException {
		Path dump = validDump();
		Files.writeString(dump.resolve("users.json"), "{\"_id\": \"" + ADDRESS + "\", \"lastLogin\": \"yesterday\"}\n");

		assertRefused(dump, "users.json line 1: _id (not shown: not a plain id), field 'lastLogin': expected a "
				+ "timestamp", output);
	}

	@Test
	void syntaxErrorShouldNameTheField(CapturedOutput output) throws IOException {
		Path dump = validDump();
		Files.writeString(dump.resolve("codemarks.json"),
				"{\"_id\": \"k1\", \"note\": \"" + ADDRESS + "\", \"createdAt\": 1615766400000 \"reviewId\": \"r\"}\n");

		assertRefused(dump, "codemarks.json line 1: _id k1, field 'createdAt': not a valid JSON document", output);
	}

	private Path validDump() {
		return new DumpFixture().company("{\"_id\": \"c1\"}").user("{\"_id\": \"u1\"}").writeTo(folder.resolve("dump"));
	}

	private void assertRefused(Path dump, String message, CapturedOutput output) {
		CliResult result = cli("import", "--from", dump.toString());

		assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.BAD_DATA.code());
		assertThat(result.err()).contains(message).contains("The store was not changed");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users", Integer.class)).isEqualTo(50);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM companies", Integer.class)).isEqualTo(4);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_users", Integer.class)).isZero();
		assertThat(SecretScan.afterRun(List.of(ADDRESS, "canary.bad-input", "leak.example"), result, output, jdbc,
				HOME))
			.as("where the address leaked")
			.isEmpty();
	}

}
