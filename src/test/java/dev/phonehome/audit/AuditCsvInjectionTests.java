package dev.phonehome.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.phonehome.audit.content.AuditInput;
import dev.phonehome.audit.csv.AuditColumn;
import dev.phonehome.record.RunMode;

/**
 * Issue 11: text from the installation (a company's or team's name, a user's origin) reaches {@code audit.csv};
 * a cell a spreadsheet would run as a formula is neutralised per OWASP's CSV-injection guidance (a leading
 * {@code '}), documented in reports/README.md. The payload itself is what was sent and is not touched.
 */
class AuditCsvInjectionTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void cellsStartingAFormulaShouldGetALeadingQuote(@TempDir Path out) throws java.io.IOException {
		// given: the demo payload with hostile text in every kind of free-text field
		ObjectNode payload = (ObjectNode) json.readTree(AuditFixtures.FREE_PAYLOAD.toFile());
		((ObjectNode) payload.get("companies").get(0)).put("name", "=HYPERLINK(\"http://evil.example\",\"x\")");
		((ObjectNode) payload.get("companies").get(1)).put("name", "'=already quoted");
		((ObjectNode) payload.get("teams").get(0)).put("name", "+1+1");
		((ObjectNode) payload.get("teams").get(1)).put("name", "Plain team - with a dash");
		ObjectNode user = (ObjectNode) payload.get("users").get(0);
		user.put("lastOrigin", "@SUM(1+1)");
		user.put("lastOriginDetail", "-2+3");
		user.put("joinMethod", "\tcmd");
		((ObjectNode) payload.get("users").get(1)).put("lastOriginDetail", "\r=1");
		Path file = out.resolve("payload.json");
		json.writeValue(file.toFile(), payload);
		AuditInput input = AuditFixtures.archived(file, false, RunMode.MANUAL, 50);

		// when
		AuditArtefacts audit = new AuditWriter().write(input, java.nio.file.Files.createDirectories(out.resolve("audit")), Instant.parse("2026-11-21T01:02:03Z"));

		// then
		Path csv = audit.csv().path();
		CSVRecord firstCompany = AuditDocuments.csvRecords(csv, "company").get(0);
		assertThat(firstCompany.get(AuditColumn.name)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
		assertThat(AuditDocuments.csvRecords(csv, "company").get(1).get(AuditColumn.name)).isEqualTo("''=already quoted");
		assertThat(AuditDocuments.csvRecords(csv, "team").get(0).get(AuditColumn.name)).isEqualTo("'+1+1");
		assertThat(AuditDocuments.csvRecords(csv, "team").get(1).get(AuditColumn.name))
			.isEqualTo("Plain team - with a dash");
		CSVRecord firstUser = AuditDocuments.csvRecords(csv, "user").get(0);
		assertThat(firstUser.get(AuditColumn.lastOrigin)).isEqualTo("'@SUM(1+1)");
		assertThat(firstUser.get(AuditColumn.lastOriginDetail)).isEqualTo("'-2+3");
		assertThat(firstUser.get(AuditColumn.joinMethod)).isEqualTo("'\tcmd");
		assertThat(AuditDocuments.csvRecords(csv, "user").get(1).get(AuditColumn.lastOriginDetail)).isEqualTo("'\r=1");
		// numbers are written as sent, never prefixed
		assertThat(firstUser.get(AuditColumn.codemarks)).isEqualTo(user.get("codemarks").asString());
		// and the audit's ids, plans and addresses are untouched
		assertThat(firstCompany.get(AuditColumn.id)).isEqualTo(payload.get("companies").get(0).get("id").asString());
	}

}
