package dev.phonehome.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.phonehome.audit.content.AuditInput;
import dev.phonehome.artefact.ArtefactWriter;
import dev.phonehome.audit.csv.AuditColumn;
import dev.phonehome.record.RunMode;

/** The audit documents of the demo payloads, rendered outside any job from a payload file and its facts. */
class AuditWriterTests {

	private static final Instant GENERATED_AT = Instant.parse("2026-11-21T01:02:03.456Z");

	private final AuditWriter writer = new AuditWriter();

	@Test
	void auditShouldListEveryItemOfThePayloadWithCountsEqualToThePayload(@TempDir Path out) {
		// given
		JsonNode payload = JsonMapper.builder().build().readTree(AuditFixtures.FREE_PAYLOAD.toFile());
		AuditInput input = AuditFixtures.archived(AuditFixtures.FREE_PAYLOAD, false, RunMode.MANUAL, 50);

		// when
		AuditArtefacts audit = writer.write(input, out, GENERATED_AT);

		// then: the CSV has one row per item sent, each field exactly as sent
		Path csv = audit.csv().path();
		assertThat(AuditDocuments.csvRecords(csv, "company")).hasSize(payload.get("companies").size());
		assertThat(AuditDocuments.csvRecords(csv, "team")).hasSize(payload.get("teams").size());
		assertThat(AuditDocuments.csvRecords(csv, "codeReview")).hasSize(payload.get("codeReviews").size());
		assertThat(AuditDocuments.csvRecords(csv, "integration")).extracting(r -> r.get(AuditColumn.integration))
			.containsExactlyElementsOf(payload.get("integrations").valueStream().map(JsonNode::asString).toList());
		List<CSVRecord> users = AuditDocuments.csvRecords(csv, "user");
		assertThat(users).hasSize(payload.get("users").size());
		for (int i = 0; i < users.size(); i++) {
			JsonNode sent = payload.get("users").get(i);
			CSVRecord row = users.get(i);
			assertThat(row.get(AuditColumn.id)).isEqualTo(sent.get("id").asString());
			// read with the same format, an empty unquoted field is a JSON null, and "" an empty string
			assertThat(row.get(AuditColumn.email)).isEqualTo(sent.get("email").isNull() ? null : sent.get("email").asString());
			assertThat(row.get(AuditColumn.emailStatus)).isEqualTo(sent.get("email").isNull() ? "NO_EMAIL_ON_RECORD" : "SENT");
			assertThat(row.get(AuditColumn.codemarks)).isEqualTo(sent.get("codemarks").asString());
			if (!sent.get("registeredAt").isNull()) {
				long millis = sent.get("registeredAt").asLong();
				assertThat(row.get(AuditColumn.registeredAt)).isEqualTo(Long.toString(millis));
				assertThat(Instant.parse(row.get(AuditColumn.registeredAtUtc))).isEqualTo(Instant.ofEpochMilli(millis));
			}
		}
		// and the PDF lists every item too, and says how many it listed against the payload's count
		String text = AuditDocuments.pdfText(audit.pdf().path());
		assertThat(text).contains("4 companies listed; the payload holds 4.", "6 teams listed; the payload holds 6.",
				"50 users listed; the payload holds 50.", "7 code reviews listed; the payload holds 7.",
				"4 companies, 6 teams, 50 users, 7 code reviews and 8 integrations");
		payload.get("users").forEach(user -> assertThat(text).contains(user.get("id").asString()));
		// every address sent is printed whole (a long one in a smaller font, never cut)
		payload.get("users")
			.valueStream()
			.filter(user -> !user.get("email").isNull())
			.forEach(user -> assertThat(text).contains(user.get("email").asString()));
		payload.get("codeReviews").forEach(review -> assertThat(text).contains(review.get("reviewId").asString()));
		assertThat(text).contains("2026-11-20T09:15:00.000Z");
	}

	@Test
	void bothDocumentsShouldCarryTheArchivedPayloadsSha256AndSize(@TempDir Path out) {
		// given
		AuditInput input = AuditFixtures.archived(AuditFixtures.FREE_PAYLOAD, false, RunMode.NIGHTLY, 50);
		String sha256 = ArtefactWriter.describe(AuditFixtures.FREE_PAYLOAD).sha256();

		// when
		AuditArtefacts audit = writer.write(input, out, GENERATED_AT);

		// then: every page's footer names the payload's digest and where the page stands
		List<String> pages = AuditDocuments.pdfPages(audit.pdf().path());
		assertThat(pages).hasSizeGreaterThan(5);
		for (int page = 1; page <= pages.size(); page++) {
			assertThat(pages.get(page - 1)).contains("Payload SHA-256: " + sha256)
				.contains("Page " + page + " of " + pages.size())
				.contains("Generated 2026-11-21T01:02:03.456Z (UTC)");
		}
		CSVRecord auditRow = AuditDocuments.csvRecords(audit.csv().path(), "audit").get(0);
		assertThat(auditRow.get(AuditColumn.payloadSha256)).isEqualTo(sha256);
		assertThat(auditRow.get(AuditColumn.payloadSize))
			.isEqualTo(Long.toString(ArtefactWriter.describe(AuditFixtures.FREE_PAYLOAD).size()));
		assertThat(auditRow.get(AuditColumn.windowStartUtc)).isEqualTo("2026-11-20T00:00:00.000Z");
		assertThat(auditRow.get(AuditColumn.deliveryStatus))
			.isEqualTo("PENDING: not confirmed after 1 attempt (HTTP 503); queued, the next run sends it first");
	}

	@Test
	void auditPdfShouldBePdfaCompliantWithEveryFontEmbedded(@TempDir Path out) throws IOException {
		// given
		AuditInput input = AuditFixtures.archived(AuditFixtures.FREE_PAYLOAD, false, RunMode.DRY_RUN, 50);

		// when
		AuditArtefacts audit = writer.write(input, out, GENERATED_AT);

		// then
		assertThat(AuditDocuments.pdfaViolations(audit.pdf().path())).isEmpty();
	}

	@Test
	void paidPayloadsAuditShouldMarkEveryUserRedacted(@TempDir Path out) {
		// given
		AuditInput input = AuditFixtures.archived(AuditFixtures.PAID_PAYLOAD, true, RunMode.NIGHTLY, 50);

		// when
		AuditArtefacts audit = writer.write(input, out, GENERATED_AT);

		// then
		assertThat(AuditDocuments.csvRecords(audit.csv().path(), "user")).hasSize(50)
			.allSatisfy(row -> assertThat(row.get(AuditColumn.emailStatus)).isEqualTo("REDACTED_PAID_PLAN"))
			.allSatisfy(row -> assertThat(row.get(AuditColumn.email)).isNull());
		String text = AuditDocuments.pdfText(audit.pdf().path());
		assertThat(occurrences(text, "REDACTED_PAID_PLAN")).isGreaterThanOrEqualTo(50);
		assertThat(text).contains("no email address was included", "69174d665f1ab2c3d43a17ce (Globex Corporation)")
			.doesNotContain("@");
	}

	@Test
	void skippedNightsAuditShouldSayWhyNothingWasSent(@TempDir Path out) {
		// given
		AuditInput input = AuditFixtures.skipped();

		// when
		AuditArtefacts audit = writer.write(input, out, GENERATED_AT);

		// then
		List<String> pages = AuditDocuments.pdfPages(audit.pdf().path());
		assertThat(pages).hasSizeLessThanOrEqualTo(3);
		String text = String.join("\n", pages);
		assertThat(text).contains("Nothing was sent for this night", "nothing to send (skipped)",
				"skipped (nightly)", "set - honoured: the night was skipped", "Page 1 of " + pages.size());
		List<CSVRecord> rows = AuditDocuments.csvRecords(audit.csv().path());
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).get(AuditColumn.note)).startsWith("nothing was sent: apiServer.disablePhoneHome is set");
		assertThat(AuditDocuments.pdfaViolations(audit.pdf().path())).isEmpty();
	}

	@Test
	void csvThatCannotBeWrittenShouldFailTheAuditWithNoPdfLeftBehind(@TempDir Path out) throws IOException {
		// given: audit.csv cannot be moved into place (a folder of that name holds a file), while the PDF can be
		Files.createDirectories(out.resolve(AuditWriter.CSV_FILE).resolve("held"));
		AuditInput input = AuditFixtures.archived(AuditFixtures.FREE_PAYLOAD, false, RunMode.MANUAL, 50);

		// when
		Throwable failure = catchThrowable(() -> writer.write(input, out, GENERATED_AT));

		// then: the audit fails on the CSV (written beside the PDF), and leaves neither a PDF nor a temporary file
		assertThat(failure).isNotNull();
		assertThat(causes(failure)).anyMatch(message -> message.contains(AuditWriter.CSV_FILE));
		try (Stream<Path> files = Files.list(out)) {
			assertThat(files.map(f -> f.getFileName().toString())).containsExactly(AuditWriter.CSV_FILE);
		}
		assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("audit-csv"));
	}

	private static List<String> causes(Throwable failure) {
		List<String> messages = new ArrayList<>();
		for (Throwable t = failure; t != null; t = t.getCause()) {
			messages.add(String.valueOf(t.getMessage()));
		}
		return messages;
	}

	private static int occurrences(String text, String token) {
		Matcher matcher = Pattern.compile(Pattern.quote(token)).matcher(text);
		List<Integer> found = new ArrayList<>();
		while (matcher.find()) {
			found.add(matcher.start());
		}
		return found.size();
	}

}
