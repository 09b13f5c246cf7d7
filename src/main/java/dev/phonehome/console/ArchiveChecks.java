package dev.phonehome.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import dev.phonehome.artefact.ArtefactWriter;
import dev.phonehome.console.NightView.RecordedFile;
import dev.phonehome.verify.ArchiveVerifier;
import dev.phonehome.verify.Finding;

/**
 * Whether an execution's archived files still match its record: {@code verify}'s own check, remembered for as
 * long as the files keep their size and modification time, so a list of nights does not re-read every payload on
 * every view. A file that changed is read again.
 */
@Component
@ConsoleOnly
public class ArchiveChecks {

	/** The verify state shown per execution. */
	public enum State {

		/** Every recorded file is there with its recorded SHA-256. */
		OK,
		/** A file differs from its record. */
		CHANGED,
		/** A recorded file is gone. */
		MISSING,
		/** The execution archived nothing (it failed early, or was skipped before writing). */
		NOTHING_ARCHIVED

	}

	private final ArchiveVerifier verifier;

	private final Map<Long, Checked> byExecution = new ConcurrentHashMap<>();

	private final Map<Path, Digested> byFile = new ConcurrentHashMap<>();

	public ArchiveChecks(ArchiveVerifier verifier) {
		this.verifier = verifier;
	}

	public State state(JobExecution execution) {
		List<Finding> findings = findings(execution);
		if (findings.isEmpty()) {
			return State.NOTHING_ARCHIVED;
		}
		if (findings.stream().anyMatch(f -> f.kind() == Finding.Kind.MISSING)) {
			return State.MISSING;
		}
		return findings.stream().anyMatch(f -> f.kind().isProblem()) ? State.CHANGED : State.OK;
	}

	public List<Finding> findings(JobExecution execution) {
		List<RecordedFile> files = NightView.of(execution).files();
		String fingerprint = fingerprint(files.stream().map(RecordedFile::path).toList());
		Checked checked = byExecution.get(execution.getId());
		if (checked == null || !checked.fingerprint().equals(fingerprint)) {
			checked = new Checked(fingerprint, verifier.verifyExecution(execution));
			byExecution.put(execution.getId(), checked);
		}
		return checked.findings();
	}

	/**
	 * The file as its record describes it, or a 409 when it is missing or its bytes changed since: a download or
	 * preview only ever serves what was archived.
	 */
	public Path intact(RecordedFile file, String what) {
		Path path = file.path();
		String fingerprint = fingerprint(List.of(path));
		if (!Files.isRegularFile(path)) {
			throw ConsoleProblem.conflict(what + " is missing from the archive; its record says sha256 " + file.sha256()
					+ ". Run Verify to see what else changed.");
		}
		Digested digested = byFile.get(path);
		if (digested == null || !digested.fingerprint().equals(fingerprint)) {
			digested = new Digested(fingerprint, ArtefactWriter.describe(path).sha256());
			byFile.put(path, digested);
		}
		if (!digested.sha256().equals(file.sha256())) {
			throw ConsoleProblem.conflict(what + " no longer matches its record: recorded sha256 " + file.sha256()
					+ ", the file's is now " + digested.sha256() + ". It is not served; run Verify and look into it.");
		}
		return path;
	}

	private static String fingerprint(List<Path> files) {
		StringBuilder fingerprint = new StringBuilder();
		for (Path file : files) {
			try {
				fingerprint.append(file).append('|').append(Files.size(file)).append('|')
					.append(Files.getLastModifiedTime(file).toMillis()).append(';');
			}
			catch (IOException ex) {
				fingerprint.append(file).append("|missing;");
			}
		}
		return fingerprint.toString();
	}

	private record Checked(String fingerprint, List<Finding> findings) {
	}

	private record Digested(String fingerprint, String sha256) {
	}

}
