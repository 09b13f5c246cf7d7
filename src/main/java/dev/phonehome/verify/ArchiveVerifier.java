package dev.phonehome.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import dev.phonehome.home.ArchiveCopies;
import dev.phonehome.home.PhoneHomeProperties;
import dev.phonehome.artefact.Artefact;
import dev.phonehome.artefact.ArtefactWriter;
import dev.phonehome.history.NightHistory;
import dev.phonehome.record.NightParameters;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecords;

/**
 * Proves the archive was not altered: recomputes each archived artefact's SHA-256 against the job repository,
 * checks the audit CSV names the payload it describes, looks for files nobody recorded, and walks the record chain
 * ({@link ChainVerifier}), naming every break.
 */
@Component
public class ArchiveVerifier {

	private final NightHistory history;

	private final PhoneHomeProperties properties;

	private final ChainVerifier chain;

	private final ArchiveCopies copies;

	public ArchiveVerifier(NightHistory history, PhoneHomeProperties properties, ChainVerifier chain,
			ArchiveCopies copies) {
		this.history = history;
		this.properties = properties;
		this.chain = chain;
		this.copies = copies;
	}

	/** Verifies the nights in {@code [from, to]} (null: all) and the whole chain. */
	public List<Finding> verify(LocalDate from, LocalDate to) {
		return verify(from, to, null);
	}

	/**
	 * Verifies the nights in {@code [from, to]} (null: all) and the whole chain; {@code expectedHead}, when given,
	 * is a chain head pinned earlier (printed by a previous verify), which the chain must still contain.
	 */
	public List<Finding> verify(LocalDate from, LocalDate to, String expectedHead) {
		List<Finding> findings = new ArrayList<>();
		List<JobExecution> executions = history.executions();
		Set<Path> recorded = new HashSet<>();
		for (JobExecution execution : executions) {
			LocalDate night = NightParameters.nightOf(execution.getJobParameters());
			recordedArtefacts(execution).forEach(a -> {
				recorded.add(a.path());
				recorded.add(copies.local(a));
			});
			if ((from == null || !night.isBefore(from)) && (to == null || !night.isAfter(to))) {
				verifyArtefacts(execution, findings);
			}
		}
		findUnexpectedFiles(recorded, from, to, findings);
		findings.addAll(chain.verify(executions, expectedHead));
		return findings;
	}

	/** The checks {@link #verify} makes of one execution's archived files (not the chain, not unexpected files). */
	public List<Finding> verifyExecution(JobExecution execution) {
		List<Finding> findings = new ArrayList<>();
		verifyArtefacts(execution, findings);
		return findings;
	}

	private void verifyArtefacts(JobExecution execution, List<Finding> findings) {
		NightRecord record = NightRecords.read(execution);
		String who = "night " + record.date() + " execution " + execution.getId();
		for (Artefact expected : recordedArtefacts(execution)) {
			// what this node sees: its own file (where it keeps it) and the database copy, when there is one
			Optional<ArchiveCopies.Copy> copy = copies.copyOf(expected);
			Path local = copy.map(copies::local).orElse(expected.path());
			String subject = who + " " + local;
			boolean copyMatches = copy.isPresent() && checkCopy(copy.get(), expected, subject, findings);
			if (!Files.isRegularFile(local)) {
				findings.add(copyMatches
						? new Finding(Finding.Kind.DATABASE_ONLY, subject,
								"held only in the database, sha256 " + expected.sha256())
						: new Finding(Finding.Kind.MISSING, subject, "recorded with sha256 " + expected.sha256()));
				continue;
			}
			Artefact actual = ArtefactWriter.describe(local);
			if (!actual.sha256().equals(expected.sha256())) {
				findings.add(new Finding(Finding.Kind.CHANGED, subject,
						"recorded sha256 " + expected.sha256() + ", now " + actual.sha256()));
			}
			else {
				findings.add(new Finding(Finding.Kind.OK, subject, "sha256 " + actual.sha256()));
			}
		}
		if (record.audit() != null && record.payload() != null) {
			Path csv = copies.local(record.audit().csv());
			String payloadSha = record.payload().file().sha256();
			if (Files.isRegularFile(csv) && !contains(csv, payloadSha)) {
				findings.add(new Finding(Finding.Kind.CHANGED, who + " " + csv,
						"the audit does not name the payload's sha256 " + payloadSha));
			}
		}
	}

	/** The database copy of an artefact must hold the recorded bytes; a copy that does not is a finding. */
	private boolean checkCopy(ArchiveCopies.Copy copy, Artefact expected, String subject, List<Finding> findings) {
		Artefact held = copies.describe(copy);
		if (held.sha256().equals(expected.sha256()) && held.size() == expected.size()) {
			return true;
		}
		findings.add(new Finding(Finding.Kind.CHANGED, subject + " (database copy)",
				"recorded sha256 " + expected.sha256() + ", now " + held.sha256()));
		return false;
	}

	/** The nights (in order) of which some file is held only in the database, as {@link #verify} found. */
	public static List<LocalDate> nightsHeldOnlyInDatabase(List<Finding> findings) {
		return findings.stream()
			.filter(f -> f.kind() == Finding.Kind.DATABASE_ONLY)
			.map(f -> LocalDate.parse(f.subject().split(" ")[1]))
			.distinct()
			.sorted()
			.toList();
	}

	/** The artefacts an execution recorded: its payload, and its audit documents when it has them. */
	static List<Artefact> recordedArtefacts(JobExecution execution) {
		NightRecord record = NightRecords.read(execution);
		List<Artefact> artefacts = new ArrayList<>();
		if (record.payload() != null) {
			artefacts.add(record.payload().file());
		}
		if (record.audit() != null) {
			artefacts.add(record.audit().pdf());
			artefacts.add(record.audit().csv());
		}
		return artefacts;
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
		String name = file.getFileName().toString();
		// approval-addendum.json is recorded with its digest in the approval's chain entry, which verify checks
		return name.startsWith("delivery-addendum") || name.startsWith("approval-addendum");
	}

	private static LocalDate nightOf(Path nights, Path file) {
		try {
			return LocalDate.parse(nights.relativize(file).getName(0).toString());
		}
		catch (RuntimeException ex) {
			return null;
		}
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
