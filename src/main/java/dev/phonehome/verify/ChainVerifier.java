package dev.phonehome.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * Walks the record chain and reports every break it finds, each with the entry and the subject concerned: an entry
 * that does not link to the one before it, one whose digest no longer matches its text, a subject whose record no
 * longer matches its latest entry (or is gone), an ended execution that is not in the chain, and a pinned head that
 * the chain no longer contains.
 */
@Component
public class ChainVerifier {

	private final ChainStore chain;

	private final ChainDigests digests;

	private final List<ChainSubjects> subjects;

	public ChainVerifier(ChainStore chain, ChainDigests digests, List<ChainSubjects> subjects) {
		this.chain = chain;
		this.digests = digests;
		this.subjects = subjects;
	}

	List<Finding> verify(List<JobExecution> executions, String expectedHead) {
		List<Finding> findings = new ArrayList<>();
		List<ChainEntry> entries = chain.entries();
		String previous = ChainStore.GENESIS;
		long expectedSeq = 1;
		int unchecked = 0;
		Map<String, ChainEntry> latest = new LinkedHashMap<>();
		for (ChainEntry entry : entries) {
			String where = "entry " + entry.seq() + " (" + entry.subject().replace(':', ' ') + ")";
			if (entry.seq() != expectedSeq) {
				findings.add(new Finding(Finding.Kind.BROKEN_CHAIN, where,
						"entries " + expectedSeq + ".." + (entry.seq() - 1) + " are missing"));
			}
			if (!previous.equals(entry.previousDigest())) {
				findings.add(new Finding(Finding.Kind.BROKEN_CHAIN, where, "it links to " + entry.previousDigest()
						+ " but the entry before it has digest " + previous
						+ " (an entry was removed, inserted or rewritten before it)"));
			}
			if (!digests.canCheck(entry.scheme())) {
				unchecked++;
			}
			else if (!digests.digest(entry.scheme(), entry.text(), entry.previousDigest()).equals(entry.digest())) {
				findings.add(new Finding(Finding.Kind.BROKEN_CHAIN, where, "it was changed after it was appended"));
			}
			latest.put(entry.subject(), entry);
			previous = entry.digest();
			expectedSeq = entry.seq() + 1;
		}
		latest.values().forEach(entry -> checkSubject(entry, findings));
		for (JobExecution execution : executions) {
			if (!latest.containsKey(ChainEntry.executionSubject(execution.getId()))) {
				findings.add(execution.isRunning()
						? new Finding(Finding.Kind.OK, "execution " + execution.getId(), "still running (or left "
								+ "running by a process that died: the next run of its night recovers and chains it)")
						: new Finding(Finding.Kind.BROKEN_CHAIN, "execution " + execution.getId(),
								"its record is not in the record chain (removed from it, or written outside phonehome)"));
			}
		}
		if (expectedHead != null && entries.stream().noneMatch(e -> e.digest().equals(expectedHead))) {
			findings.add(new Finding(Finding.Kind.BROKEN_CHAIN, "pinned head " + expectedHead,
					"the chain no longer contains it: entries up to it were rewritten or removed"));
		}
		findings.add(new Finding(Finding.Kind.OK, "record chain", entries.size() + " entries, head " + previous
				+ (unchecked > 0 ? "; " + unchecked + " keyed entries not checked (no phonehome.chain.hmac-key-file)"
						: "")));
		return findings;
	}

	private void checkSubject(ChainEntry entry, List<Finding> findings) {
		Optional<ChainSubjects> owner = subjects.stream().filter(s -> s.handles(entry.subject())).findFirst();
		if (owner.isEmpty()) {
			return;
		}
		String subject = entry.subject().replace(':', ' ');
		Optional<String> now = owner.get().currentText(entry.subject(), entry.event());
		if (now.isEmpty()) {
			findings.add(new Finding(Finding.Kind.BROKEN_CHAIN, subject,
					"chained in entry " + entry.seq() + " but its record is gone (removed from the job repository)"));
		}
		else if (!now.get().equals(entry.text())) {
			findings.add(new Finding(Finding.Kind.BROKEN_CHAIN, subject,
					"its record was changed after it was chained in entry " + entry.seq()));
		}
	}

}
