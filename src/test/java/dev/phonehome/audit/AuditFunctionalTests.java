package dev.phonehome.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.phonehome.PhoneHomeTestSupport;
import dev.phonehome.artefact.ArtefactWriter;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecords;
import dev.phonehome.job.PhoneHomeJobConfiguration;

/** The audit as the job writes it for the demo nights: beside the payload, listed by {@code run}, recorded. */
@ExtendWith(OutputCaptureExtension.class)
class AuditFunctionalTests extends PhoneHomeTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void freeNightsAuditShouldListEveryUserIdAndEveryEmailSent(@TempDir Path out) throws IOException {
		// given
		assertThat(cli("import", "--from", demoDump("free")).exitCode()).isZero();

		// when
		CliResult run = cli("run", "--date", "2026-11-20", "--dry-run", "--out", out.toString(), "--config",
				demoConfig("free"));

		// then: the audit lies beside the payload, and the summary lists it
		assertThat(run.exitCode()).as(run.err()).isZero();
		Path pdf = out.resolve("audit.pdf");
		Path csv = out.resolve("audit.csv");
		assertThat(out.resolve("payload.json")).exists();
		assertThat(run.out()).contains("audit.pdf     " + pdf.toAbsolutePath(), "audit.csv     " + csv.toAbsolutePath());
		// every user id, and every address that was sent, is in the PDF
		JsonNode payload = JSON.readTree(out.resolve("payload.json").toFile());
		String text = AuditDocuments.pdfText(pdf);
		List<String> emailsSent = new ArrayList<>();
		for (JsonNode user : payload.get("users")) {
			assertThat(text).contains(user.get("id").asString());
			if (!user.get("email").isNull()) {
				emailsSent.add(user.get("email").asString());
			}
		}
		assertThat(emailsSent).hasSize(48).contains("zoë@acme.example", "łukasz@globex.example");
		emailsSent.forEach(email -> assertThat(text).contains(email));
		assertThat(text).contains("not sent (dry run)", "dry run", "set - ignored: the night ran");
		// the execution recorded both documents and their digests
		NightRecord.Audit audit = NightRecords.read(lastExecution()).audit();
		assertThat(audit.pdf()).isEqualTo(ArtefactWriter.describe(pdf));
		assertThat(audit.csv()).isEqualTo(ArtefactWriter.describe(csv));
		assertThat(AuditDocuments.csvRecords(csv, "user")).hasSize(50);
	}

	@Test
	void paidNightShouldLeaveNoEmailAddressInTheAuditTheLogOrTheJobRepository(@TempDir Path out,
			CapturedOutput output) throws IOException {
		// given: every address the paid installation holds
		Set<String> addresses = installationAddresses(DEMO.resolve("paid/users.json"));
		assertThat(addresses).hasSizeGreaterThan(40);
		assertThat(cli("import", "--from", demoDump("paid")).exitCode()).isZero();

		// when
		CliResult run = cli("run", "--date", "2026-11-20", "--out", out.toString(), "--config", demoConfig("paid"));

		// then
		assertThat(run.exitCode()).as(run.err()).isZero();
		String pdfText = AuditDocuments.pdfText(out.resolve("audit.pdf")).toLowerCase();
		String csvText = Files.readString(out.resolve("audit.csv"), StandardCharsets.UTF_8).toLowerCase();
		String log = (output.getAll() + run.out() + run.err()).toLowerCase();
		String repository = jobRepositoryText().toLowerCase();
		assertThat(pdfText).contains("redacted_paid_plan");
		assertThat(log).contains("audit written");
		assertThat(repository).contains("auditstep", "audit.pdf.sha256");
		for (String address : addresses) {
			assertThat(pdfText).as("audit.pdf").doesNotContain(address);
			assertThat(csvText).as("audit.csv").doesNotContain(address);
			assertThat(log).as("log output").doesNotContain(address);
			assertThat(repository).as("job repository").doesNotContain(address);
		}
	}

	@Test
	void skippedNightShouldGetAShortAuditSayingWhyNothingWasSent(@TempDir Path out, @TempDir Path config)
			throws IOException {
		// given: the paid installation switched the phone home off
		ObjectNode services = (ObjectNode) JSON.readTree(Path.of(demoConfig("paid")).toFile());
		((ObjectNode) services.get("apiServer")).put("disablePhoneHome", true);
		Path configFile = config.resolve("codestream-services-config.json");
		JSON.writeValue(configFile.toFile(), services);
		Files.setPosixFilePermissions(configFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
		Files.copy(DEMO.resolve("paid/container-versions"), config.resolve("container-versions"));
		assertThat(cli("import", "--from", demoDump("paid")).exitCode()).isZero();

		// when
		CliResult run = cli("run", "--date", "2026-11-20", "--out", out.toString(), "--config", configFile.toString());

		// then: the night keeps its skipped exit status, and its audit says why
		assertThat(run.exitCode()).as(run.err()).isEqualTo(7);
		assertThat(out.resolve("payload.json")).doesNotExist();
		assertThat(run.out()).contains("audit.pdf     " + out.resolve("audit.pdf").toAbsolutePath());
		String text = AuditDocuments.pdfText(out.resolve("audit.pdf"));
		assertThat(text).contains("Nothing was sent for this night", "nothing to send (skipped)",
				"apiServer.disablePhoneHome is set and the installation is paid");
		assertThat(AuditDocuments.csvRecords(out.resolve("audit.csv"))).hasSize(1);
		JobExecution last = lastExecution();
		assertThat(last.getExitStatus().getExitCode()).isEqualTo("SKIPPED");
		assertThat(NightRecords.read(last).audit().pdf().sha256())
			.isEqualTo(ArtefactWriter.describe(out.resolve("audit.pdf")).sha256());
	}

	private JobExecution lastExecution() {
		JobRepository repository = context.getBean(JobRepository.class);
		JobInstance instance = repository.getJobInstances(PhoneHomeJobConfiguration.JOB_NAME, 0, 1).get(0);
		return repository.getLastJobExecution(instance);
	}

	/** The text of every character column of every BATCH_* table; serialized contexts decoded where encoded. */
	private String jobRepositoryText() {
		StringBuilder text = new StringBuilder();
		List<Map<String, Object>> columns = jdbc.queryForList("SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
				+ "WHERE TABLE_NAME LIKE 'BATCH_%' AND DATA_TYPE LIKE 'CHARACTER%'");
		assertThat(columns).hasSizeGreaterThan(10);
		for (Map<String, Object> column : columns) {
			for (String value : jdbc.queryForList(
					"SELECT " + column.get("COLUMN_NAME") + " FROM " + column.get("TABLE_NAME"), String.class)) {
				if (value != null) {
					text.append(value).append('\n').append(decodedIfBase64(value)).append('\n');
				}
			}
		}
		return text.toString();
	}

	private static String decodedIfBase64(String value) {
		try {
			return new String(Base64.getDecoder().decode(value.strip()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException notBase64) {
			return "";
		}
	}

	private static Set<String> installationAddresses(Path usersDump) throws IOException {
		Set<String> addresses = new TreeSet<>();
		for (String line : Files.readAllLines(usersDump, StandardCharsets.UTF_8)) {
			if (line.isBlank()) {
				continue;
			}
			JsonNode user = JSON.readTree(line);
			for (String field : new String[] { "email", "searchableEmail" }) {
				if (user.hasNonNull(field)) {
					addresses.add(user.get(field).asString().toLowerCase());
				}
			}
		}
		return addresses;
	}

}
