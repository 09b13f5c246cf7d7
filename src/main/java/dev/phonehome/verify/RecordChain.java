package dev.phonehome.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import dev.phonehome.job.NightFacts;
import dev.phonehome.source.NightContext;

/**
 * Tamper evidence for the job repository: each execution's record carries the digest of the previous execution's
 * record, so changing, inserting or deleting a record breaks the chain from that point on. A record is what an
 * execution proved when it ended (night, mode, outcome, and the digests of what it archived); facts that change
 * later by design, such as the delivery status of a backlog night, are not part of it.
 */
public final class RecordChain {

	/** The digest the first execution links to. */
	public static final String GENESIS = "0".repeat(64);

	/** The facts a record is made of, in this order. */
	static final List<String> RECORDED_FACTS = List.of(NightFacts.NIGHT, NightFacts.MODE, NightFacts.INSTALLATION_ID,
			NightFacts.EMAILS_INCLUDED, NightFacts.SKIPPED, NightFacts.PAYLOAD_PATH, NightFacts.PAYLOAD_SIZE,
			NightFacts.PAYLOAD_SHA256, NightFacts.AUDIT_PDF_SHA256, NightFacts.AUDIT_CSV_SHA256);

	private RecordChain() {
	}

	/** The canonical text of an execution's record: one {@code key=value} line per recorded fact. */
	public static String record(JobExecution execution, String previousDigest) {
		ExecutionContext facts = execution.getExecutionContext();
		StringBuilder text = new StringBuilder();
		text.append("execution=").append(execution.getId()).append('\n');
		text.append("night=").append(execution.getJobParameters().getLocalDate(NightContext.RUN_DATE)).append('\n');
		text.append("status=").append(execution.getStatus()).append('\n');
		text.append("exit=").append(execution.getExitStatus().getExitCode()).append('\n');
		for (String key : RECORDED_FACTS) {
			Object value = facts.get(key);
			text.append(key).append('=').append(value == null ? "" : value).append('\n');
		}
		text.append("previous=").append(previousDigest).append('\n');
		return text.toString();
	}

	public static String digest(JobExecution execution, String previousDigest) {
		return sha256(record(execution, previousDigest));
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
