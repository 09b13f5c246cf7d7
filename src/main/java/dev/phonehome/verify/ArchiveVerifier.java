package dev.phonehome.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

import dev.phonehome.PhoneHomeProperties;
import dev.phonehome.artefact.Artefact;
import dev.phonehome.artefact.ArtefactWriter;
import dev.phonehome.history.NightHistory;
import dev.phonehome.job.NightFacts;
import dev.phonehome.source.NightContext;

/**
 * Proves the archive was not altered: recomputes each archived artefact's SHA-256 against the job repository,
 * checks the audit CSV names the payload it describes, looks for files nobody recorded, and walks the hash chain
 * of the executions' records, naming the first broken link.
 */
@Component
public class ArchiveVerifier {

	private final NightHistory history;

	private final PhoneHomeProperties properties;

	public ArchiveVerifier(NightHistory history, PhoneHomeProperties properties) {
		this.history = history;
		this.properties = properties;
	}

	/** Verifies the nights in {@code [from, to]} (null: all) and the whole chain. */
	public List<Finding> verify(LocalDate from, LocalDate to) {
		List<Finding> findings = new ArrayList<>();
		List<JobExecution> executions = history.executions();
		Set<Path> recorded = new HashSet<>();
		for (JobExecution execution : executions) {
			LocalDate night = execution.getJobParameters().getLocalDate(NightContext.RUN_DATE);
			recordedArtefacts(execution).forEach(a -> recorded.add(a.path()));
			if ((from == null || !night.isBefore(from)) && (to == null || !night.isAfter(to))) {
				verifyArtefacts(execution, findings);
			}
		}
		findUnexpectedFiles(recorded, from, to, findings);
		verifyChain(executions, findings);
		return findings;
	}

	/** The checks {@link #verify} makes of one execution's archived files (not the chain, not unexpected files). */
	public List<Finding> verifyExecution(JobExecution execution) {
		List<Finding> findings = new ArrayList<>();
		verifyArtefacts(execution, findings);
		return findings;
	}

	private void verifyArtefacts(JobExecution execution, List<Finding> findings) {
		String who = "night " + execution.getJobParameters().getLocalDate(NightContext.RUN_DATE) + " execution "
				+ execution.getId();
		for (Artefact expected : recordedArtefacts(execution)) {
			String subject = who + " " + expected.path();
			if (!Files.isRegularFile(expected.path())) {
				findings.add(new Finding(Finding.Kind.MISSING, subject, "recorded with sha256 " + expected.sha256()));
				continue;
			}
			Artefact actual = ArtefactWriter.describe(expected.path());
			if (!actual.sha256().equals(expected.sha256())) {
				findings.add(new Finding(Finding.Kind.CHANGED, subject,
						"recorded sha256 " + expected.sha256() + ", now " + actual.sha256()));
			}
			else {
				findings.add(new Finding(Finding.Kind.OK, subject, "sha256 " + actual.sha256()));
			}
		}
		ExecutionContext facts = execution.getExecutionContext();
		String csv = facts.getString(NightFacts.AUDIT_CSV_PATH, "");
		String payloadSha = facts.getString(NightFacts.PAYLOAD_SHA256, "");
		if (!csv.isEmpty() && !payloadSha.isEmpty() && Files.isRegularFile(Path.of(csv))
				&& !contains(Path.of(csv), payloadSha)) {
			findings.add(new Finding(Finding.Kind.CHANGED, who + " " + csv,
					"the audit does not name the payload's sha256 " + payloadSha));
		}
	}

	/** The artefacts an execution recorded: its payload, and its audit documents when it has them. */
	static List<Artefact> recordedArtefacts(JobExecution execution) {
		ExecutionContext facts = execution.getExecutionContext();
		List<Artefact> artefacts = new ArrayList<>();
		add(artefacts, facts, NightFacts.PAYLOAD_PATH, NightFacts.PAYLOAD_SHA256);
		add(artefacts, facts, NightFacts.AUDIT_PDF_PATH, NightFacts.AUDIT_PDF_SHA256);
		add(artefacts, facts, NightFacts.AUDIT_CSV_PATH, NightFacts.AUDIT_CSV_SHA256);
		return artefacts;
	}

	private static void add(List<Artefact> artefacts, ExecutionContext facts, String pathKey, String shaKey) {
		String path = facts.getString(pathKey, "");
		String sha = facts.getString(shaKey, "");
		if (!path.isEmpty() && !sha.isEmpty()) {
			artefacts.add(new Artefact(Path.of(path), -1, sha));
		}
	}

	/** Files in the archive under the home directory that no execution recorded. */
	private void findUnexpectedFiles(Set<Path> recorded, LocalDate from, LocalDate to, List<Finding> findings) {
		Path nights = properties.nightsDirectory();
		if (!Files.isDirectory(nights)) {
			return;
		}
		try (Stream<Path> files = Files.walk(nights)) {
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				LocalDate night = nightOf(nights, file);
				boolean inPeriod = night == null
						|| ((from == null || !night.isBefore(from)) && (to == null || !night.isAfter(to)));
				if (inPeriod && !recorded.contains(file.toAbsolutePath()) && !isAddendum(file)) {
					findings.add(new Finding(Finding.Kind.UNEXPECTED, file.toString(),
							"no execution recorded this file"));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Written after the night by design (a later delivery); it carries its own record. */
	private static boolean isAddendum(Path file) {
		return file.getFileName().toString().startsWith("delivery-addendum");
	}

	private static LocalDate nightOf(Path nights, Path file) {
		try {
			return LocalDate.parse(nights.relativize(file).getName(0).toString());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static void verifyChain(List<JobExecution> executions, List<Finding> findings) {
		String previous = RecordChain.GENESIS;
		int links = 0;
		for (JobExecution execution : executions) {
			ExecutionContext facts = execution.getExecutionContext();
			if (!facts.containsKey(NightFacts.RECORD_DIGEST)) {
				if (execution.getStatus().isRunning()) {
					continue; // still running: linked when it ends
				}
				findings.add(new Finding(Finding.Kind.BROKEN_CHAIN, "execution " + execution.getId(),
						"its record has no digest (removed, or written outside phonehome)"));
				return;
			}
			String linkedTo = facts.getString(NightFacts.RECORD_PREVIOUS_DIGEST);
			if (!previous.equals(linkedTo)) {
				findings.add(new Finding(Finding.Kind.BROKEN_CHAIN, "execution " + execution.getId(),
						"it links to " + linkedTo + " but the record before it has digest " + previous
								+ " (a record was removed, inserted or changed before it)"));
				return;
			}
			String digest = RecordChain.digest(execution, linkedTo);
			if (!digest.equals(facts.getString(NightFacts.RECORD_DIGEST))) {
				findings.add(new Finding(Finding.Kind.BROKEN_CHAIN, "execution " + execution.getId(),
						"its record was changed after it was written (digest now " + digest + ")"));
				return;
			}
			previous = digest;
			links++;
		}
		findings.add(new Finding(Finding.Kind.OK, "record chain", links + " records linked, last " + previous));
	}

	private static boolean contains(Path file, String text) {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.anyMatch(line -> line.contains(text));
		}
		catch (IOException | UncheckedIOException ex) {
			return false;
		}
	}

}
