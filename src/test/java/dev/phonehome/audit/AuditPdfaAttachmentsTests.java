package dev.phonehome.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import dev.phonehome.audit.AuditDocuments.Embedded;
import dev.phonehome.audit.content.AuditInput;
import dev.phonehome.record.RunMode;

/**
 * The audit PDF is self-contained evidence: PDF/A-3b (veraPDF), with the archived payload (Source) and
 * {@code audit.csv} (Data) attached as associated files, listed by poppler's {@code pdfdetach}; a payload above
 * {@code phonehome.audit.embed-payload-max} stays out and the cover says where it is.
 */
class AuditPdfaAttachmentsTests {

	private static final Instant GENERATED_AT = Instant.parse("2026-11-21T01:02:03.456Z");

	@Test
	void auditPdfShouldBePdfa3bCarryingThePayloadAndTheCsvAsAssociatedFiles(@TempDir Path out) throws Exception {
		// given
		AuditInput input = AuditFixtures.archived(AuditFixtures.FREE_PAYLOAD, false, RunMode.MANUAL, 50);

		// when
		AuditArtefacts audit = new AuditWriter().write(input, out, GENERATED_AT);

		// then: PDF/A-3b, compliant
		Path pdf = audit.pdf().path();
		assertThat(AuditDocuments.pdfaFlavour(pdf)).isEqualTo("3b");
		assertThat(AuditDocuments.pdfaViolations(pdf)).isEmpty();
		// the payload as archived (its SHA-256 is the record's) and the CSV as written, with their relationships
		List<Embedded> files = AuditDocuments.embeddedFiles(pdf);
		assertThat(files).extracting(Embedded::name, Embedded::mimeType, Embedded::relationship)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("payload.json", "application/json", "Source"),
					org.assertj.core.groups.Tuple.tuple("audit.csv", "text/csv", "Data"));
		Embedded payload = files.stream().filter(f -> f.name().equals("payload.json")).findFirst().orElseThrow();
		assertThat(sha256(payload.bytes())).isEqualTo(input.record().payload().file().sha256());
		Embedded csv = files.stream().filter(f -> f.name().equals("audit.csv")).findFirst().orElseThrow();
		assertThat(csv.bytes()).isEqualTo(Files.readAllBytes(audit.csv().path()));
		assertThat(AuditDocuments.associatedFiles(pdf)).isEqualTo(2);
		// a reader's tool sees them
		assertThat(pdfdetachList(pdf)).contains("payload.json", "audit.csv");
		assertThat(AuditDocuments.pdfText(pdf)).contains("Attached to this PDF")
			.contains("payload.json (the archived payload, byte for byte");
	}

	@Test
	void payloadAboveTheEmbedLimitShouldStayOutWithTheCoverSayingWhereItIs(@TempDir Path out) throws Exception {
		// given: a limit below the demo payload's size
		AuditInput input = AuditFixtures.archived(AuditFixtures.FREE_PAYLOAD, false, RunMode.MANUAL, 50);
		assertThat(input.record().payload().file().size()).isGreaterThan(1024);
		AuditWriter writer = new AuditWriter(new AuditProperties(DataSize.ofKilobytes(1)));

		// when
		AuditArtefacts audit = writer.write(input, out, GENERATED_AT);

		// then
		Path pdf = audit.pdf().path();
		assertThat(AuditDocuments.embeddedFiles(pdf)).extracting(Embedded::name).containsExactly("audit.csv");
		assertThat(AuditDocuments.pdfaViolations(pdf)).isEmpty();
		String text = AuditDocuments.pdfText(pdf).replaceAll("\\s+", " ");
		assertThat(text).contains("audit.csv only: the payload is larger than phonehome.audit.embed-payload-max")
			.contains(input.record().payload().file().sha256());
		assertThat(pdfdetachList(pdf)).contains("audit.csv").doesNotContain("payload.json");
	}

	@Test
	void skippedNightsAuditShouldCarryItsCsv(@TempDir Path out) {
		// when
		AuditArtefacts audit = new AuditWriter().write(AuditFixtures.skipped(), out, GENERATED_AT);

		// then
		assertThat(AuditDocuments.embeddedFiles(audit.pdf().path())).extracting(Embedded::name)
			.containsExactly("audit.csv");
		assertThat(AuditDocuments.pdfaViolations(audit.pdf().path())).isEmpty();
	}

	@Test
	void outlineShouldHaveAnEntryPerSectionAndPerTenThousandRows(@TempDir Path out) throws IOException {
		// given: a free night of 10,001 users (102 companies... as the audit benchmark generates them)
		Path payload = out.resolve("payload.json");
		AuditBenchmark.writePayload(payload, 10_001);
		AuditInput input = AuditFixtures.archived(payload, false, RunMode.MANUAL, 10_001);

		// when
		AuditArtefacts audit = new AuditWriter().write(input, Files.createDirectories(out.resolve("audit")),
				GENERATED_AT);

		// then
		assertThat(AuditDocuments.outline(audit.pdf().path())).containsExactly("Cover", "Settings and decisions",
				"Summary", "The night in charts", "Companies (100)", "  Rows 1-100", "Teams (200)", "  Rows 1-200",
				"Users (10001)", "  Rows 1-10000", "  Rows 10001-10001", "Code reviews (500)", "  Rows 1-500");
	}

	private static String pdfdetachList(Path pdf) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("pdfdetach", "-list", pdf.toString()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as("pdfdetach -list (poppler-utils): %s", output).isZero();
		return output;
	}

	private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
