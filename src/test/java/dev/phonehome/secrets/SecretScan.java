package dev.phonehome.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Clob;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.phonehome.PhoneHomeTestSupport.CliResult;

/**
 * Looks for secrets everywhere phonehome leaves text: what a command printed (stdout, stderr), the log lines,
 * every table of the database (the job repository with its execution contexts and exit messages, the outbox, the
 * store), and every file it wrote (the audit PDF by its text). Each place that holds one is named.
 */
public final class SecretScan {

	private final List<String> secrets;

	private final List<String> places = new ArrayList<>();

	private SecretScan(List<String> secrets) {
		this.secrets = secrets;
	}

	static SecretScan of(List<String> secrets) {
		return new SecretScan(List.copyOf(secrets));
	}

	/** After one command: what it printed, the logs, every table of the H2 store, the home's nights and work. */
	public static List<String> afterRun(List<String> secrets, CliResult run, CapturedOutput output, JdbcTemplate jdbc,
			Path home) {
		return of(secrets).text("stdout", run.out())
			.text("stderr", run.err())
			.text("the logs", output.getAll())
			.tables(jdbc, "PUBLIC")
			.files(home.resolve("nights"), home.resolve("work"))
			.places();
	}

	/** Where a secret was found: "stderr", "table BATCH_STEP_EXECUTION.EXIT_MESSAGE", "file /x/audit.pdf", ... */
	List<String> places() {
		return List.copyOf(places);
	}

	SecretScan text(String where, String text) {
		for (String secret : secrets) {
			if (text != null && text.contains(secret)) {
				places.add(where + " holds '" + secret + "'");
			}
		}
		return this;
	}

	/** Every column of every row of every table of the schema, as text (CLOBs and byte arrays included). */
	SecretScan tables(JdbcTemplate jdbc, String schema) {
		List<String> tables = jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE "
				+ "TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'", String.class, schema);
		if (tables.isEmpty()) {
			throw new IllegalStateException("no table in schema " + schema + ": the scan would prove nothing");
		}
		for (String table : tables) {
			jdbc.query("SELECT * FROM \"" + schema + "\".\"" + table + "\"", row -> {
				ResultSetMetaData columns = row.getMetaData();
				for (int i = 1; i <= columns.getColumnCount(); i++) {
					text("table " + table + "." + columns.getColumnName(i), asText(row.getObject(i)));
				}
			});
		}
		return this;
	}

	/** Every regular file below the folders: PDFs by their extracted text, anything else as UTF-8. */
	SecretScan files(Path... folders) {
		for (Path folder : folders) {
			if (!Files.isDirectory(folder)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(folder)) {
				files.filter(Files::isRegularFile).forEach(file -> text("file " + file, fileText(file)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return this;
	}

	private static String asText(Object value) throws SQLException {
		if (value instanceof Clob clob) {
			return clob.getSubString(1, (int) clob.length());
		}
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		return String.valueOf(value);
	}

	private static String fileText(Path file) {
		try {
			if (file.getFileName().toString().endsWith(".pdf")) {
				try (PDDocument document = Loader.loadPDF(file.toFile())) {
					return new PDFTextStripper().getText(document);
				}
			}
			return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
