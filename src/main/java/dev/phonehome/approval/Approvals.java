package dev.phonehome.approval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import dev.phonehome.artefact.Artefact;
import dev.phonehome.artefact.ArtefactWriter;
import dev.phonehome.artefact.Sha256;
import dev.phonehome.delivery.Outbox;
import dev.phonehome.failpoint.Failpoint;
import dev.phonehome.home.ArchiveCopies;
import dev.phonehome.payload.PayloadContract;
import dev.phonehome.record.DeliveryStatus;
import dev.phonehome.record.NightApproval;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecordStore;
import dev.phonehome.record.RunMode;
import dev.phonehome.verify.ChainStore;
import dev.phonehome.verify.ChainSubjects;

/**
 * The four-eyes scope gate. A real night's scope (emails, field set, integrations, version) is compared with the
 * last approved scope; a difference the policy ({@code phonehome.approval.required-when}) lists holds the night:
 * archived and audited, not queued, not sent. {@link #approve} queues it and makes its scope the approved one;
 * {@link #reject} keeps it archived, never sent. Each decision is a row of {@code phonehome_approval}, an
 * {@value #ADDENDUM} beside the night's audit, a fact of the night's record and an entry of the record chain
 * ({@code approval:<id>}), which {@code verify} checks against the row and the addendum's bytes.
 */
public class Approvals implements ChainSubjects {

	public static final String ADDENDUM = "approval-addendum.json";

	static final String SUBJECT = "approval:";

	private final ArchiveCopies copies;

	private static final Logger log = LoggerFactory.getLogger(Approvals.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ApprovalStore store;

	private final ApprovalProperties properties;

	private final NightRecordStore records;

	private final JobRepository jobRepository;

	private final Outbox outbox;

	private final ChainStore chain;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final String contract;

	Approvals(ApprovalStore store, ApprovalProperties properties, NightRecordStore records, JobRepository jobRepository,
			Outbox outbox, ChainStore chain, PlatformTransactionManager transactionManager, Clock clock,
			ArchiveCopies copies) {
		this.store = store;
		this.copies = copies;
		this.properties = properties;
		this.records = records;
		this.jobRepository = jobRepository;
		this.outbox = outbox;
		this.chain = chain;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.contract = contractFingerprint();
	}

	/** Who records a decision: the name they gave, and the OS user (or the console's process user). */
	public record Approver(String name, String osUser, boolean viaConsole) {

		/** The person at this terminal, under the name they gave. */
		public static Approver atTerminal(String name) {
			return new Approver(name, System.getProperty("user.name", "unknown"), false);
		}

	}

	/** A night waiting for a decision. */
	public record Held(LocalDate night, long executionId, Instant heldSince, String reasons) {
	}

	/** A recorded decision, as the command and the console report it. */
	public record Outcome(LocalDate night, long executionId, String verdict, Path addendum, String message) {
	}

	/** The scope of a night as its record states it. */
	public NightScope scopeOf(NightRecord record) {
		return new NightScope(record.decisions().emails().included(), contract, record.payload().integrations(),
				record.decisions().installation().version());
	}

	/**
	 * Takes a real night through the gate inside the caller's (the gate step's) transaction: records its scope and
	 * whether it passed or is held. Dry runs and reruns are never sent, so never gated ({@code null}).
	 */
	public NightApproval gate(JobExecution execution, NightRecord record) {
		if (record.mode() == RunMode.DRY_RUN || record.mode() == RunMode.RERUN) {
			return null;
		}
		store.lock();
		NightScope scope = scopeOf(record);
		List<NightScope.Difference> holding = scope.differencesFrom(store.approvedScope().orElse(null))
			.stream()
			.filter(d -> properties.requiredWhen().contains(d.change()))
			.toList();
		String reasons = holding.stream().map(NightScope.Difference::words).collect(Collectors.joining("; "));
		String state = holding.isEmpty() ? ApprovalStore.PASSED : ApprovalStore.HELD;
		store.gate(new ApprovalStore.GateRow(record.date(), execution.getId(), scope, state, reasons,
				System.getProperty("user.name", "unknown"), clock.instant(), null));
		return NightApproval.gated(state, reasons);
	}

	/** Nights held for a decision, oldest first. */
	public List<Held> held() {
		return store.held().stream().map(r -> new Held(r.night(), r.executionId(), r.gatedAt(), r.reasons())).toList();
	}

	/**
	 * Approves a held night: queues it for delivery (the next run sends it, oldest first with the backlog) and makes
	 * its scope the approved one.
	 *
	 * @param expectedExecution the execution the approver looked at (the console's), or {@code null}
	 * @throws ApprovalRefusedException when it cannot be approved; nothing changed then
	 */
	public Outcome approve(LocalDate night, Long expectedExecution, Approver approver, String reason,
			boolean allowSamePerson) {
		return decide(night, expectedExecution, ApprovalStore.APPROVED, approver, reason, allowSamePerson);
	}

	/** Rejects a held night: it stays archived and is never sent. */
	public Outcome reject(LocalDate night, Long expectedExecution, Approver approver, String reason,
			boolean allowSamePerson) {
		if (reason == null || reason.isBlank()) {
			throw new ApprovalRefusedException("a rejection needs a reason (--reason TEXT)", false);
		}
		return decide(night, expectedExecution, ApprovalStore.REJECTED, approver, reason, allowSamePerson);
	}

	private Outcome decide(LocalDate night, Long expectedExecution, String verdict, Approver approver, String reason,
			boolean allowSamePerson) {
		chainMissing();
		ApprovalStore.Decision decision = transaction.execute(status -> {
			store.lock();
			ApprovalStore.GateRow row = store.find(night)
				.orElseThrow(() -> new ApprovalRefusedException("night " + night + " was never held for approval "
						+ "(it has no real run that reached the scope gate)", true));
			refuseUnlessHeld(row);
			JobExecution execution = lastExecution(row.executionId());
			long last = execution.getId();
			if (expectedExecution != null && expectedExecution.longValue() != row.executionId()
					&& expectedExecution.longValue() != last) {
				throw new ApprovalRefusedException("execution " + expectedExecution + " of " + night
						+ " is not the held one (" + execution.getId() + ")", true);
			}
			if (execution.getStatus() != BatchStatus.COMPLETED) {
				throw new ApprovalRefusedException("night " + night + " is held but its execution " + execution.getId()
						+ " is " + execution.getStatus() + ": run the same command again to finish its audit first",
						false);
			}
			NightRecord record = records.read(execution);
			Artefact payload = record.payload().file();
			// on a node that did not archive the night, its payload is read from this node's copy of it
			Artefact local = onThisNode(payload);
			checkPayload(night, local);
			boolean samePerson = approver.name().equalsIgnoreCase(row.ranBy())
					|| (!approver.viaConsole() && approver.osUser().equals(row.ranBy()));
			if (samePerson && !allowSamePerson) {
				throw ApprovalRefusedException.samePerson("night " + night + " was run by OS user " + row.ranBy()
						+ ": a second person must " + (ApprovalStore.APPROVED.equals(verdict) ? "approve" : "reject")
						+ " it (or give --allow-same-person, which is recorded)", row.ranBy());
			}
			Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
			String why = reason == null ? "" : reason.strip();
			Path addendumPath = local.path().toAbsolutePath().getParent().resolve(ADDENDUM);
			Artefact addendum = writeAddendum(addendumPath, night, execution.getId(), verdict, approver, samePerson,
					why, payload.sha256(), now, row);
			// in this transaction: every node sharing the database can verify the decision against its addendum
			copies.store(night, addendum);
			ApprovalStore.Decision recorded = new ApprovalStore.Decision(0, night, execution.getId(), verdict,
					approver.name(), approver.osUser(), samePerson, why, payload.sha256(), now,
					addendumPath.toString(), addendum.sha256());
			long id = store.insertDecision(recorded);
			store.decide(night, verdict);
			NightApproval facts = new NightApproval(verdict, row.reasons(), approver.name(), approver.osUser(),
					samePerson, now.toString(), why, payload.sha256());
			NightRecord.Delivery delivery;
			if (ApprovalStore.APPROVED.equals(verdict)) {
				outbox.enqueueApproved(night, execution.getId(), payload);
				delivery = new NightRecord.Delivery(DeliveryStatus.PENDING, null, null, 0, null,
						"approved by " + approver.name() + " " + now, 0);
			}
			else {
				delivery = NightRecord.Delivery.notSent(DeliveryStatus.REJECTED)
					.withProblem(DeliveryStatus.REJECTED, "rejected by " + approver.name() + " " + now);
			}
			records.save(execution, record.withDelivery(delivery), facts);
			Failpoint.APPROVE_BEFORE_COMMIT.hit();
			return store.decision(id).orElseThrow();
		});
		Failpoint.APPROVE_BEFORE_CHAIN.hit();
		chain.append(SUBJECT + decision.id(), decision.verdict(), text(decision, decision.addendumSha256()));
		String message = ApprovalStore.APPROVED.equals(verdict)
				? "phonehome: night " + night + " approved by " + approver.name() + " (execution "
						+ decision.executionId() + ", payload sha256 " + decision.payloadSha256()
						+ "); it is queued, the next run sends it; its scope is now the approved one"
				: "phonehome: night " + night + " rejected by " + approver.name() + " (execution "
						+ decision.executionId() + "); it stays archived and is never sent";
		log.info("{}", message);
		return new Outcome(night, decision.executionId(), verdict, Path.of(decision.addendumPath()), message);
	}

	private static void refuseUnlessHeld(ApprovalStore.GateRow row) {
		switch (row.state()) {
			case ApprovalStore.HELD -> {
			}
			case ApprovalStore.PASSED -> throw new ApprovalRefusedException("night " + row.night()
					+ " is not held: its scope passed the gate, it was queued as usual", false);
			case ApprovalStore.APPROVED -> throw new ApprovalRefusedException("night " + row.night()
					+ " was already approved; nothing was changed (see 'history')", false);
			default -> throw new ApprovalRefusedException("night " + row.night() + " was rejected: it stays archived "
					+ "and is never sent; nothing was changed", false);
		}
	}

	/** The night's latest execution (a restart of the held one carries its record on). */
	private JobExecution lastExecution(long heldExecution) {
		JobExecution held = jobRepository.getJobExecution(heldExecution);
		if (held == null) {
			throw new ApprovalRefusedException("the held execution " + heldExecution
					+ " is gone from the job repository", false);
		}
		JobExecution last = jobRepository.getLastJobExecution(held.getJobInstance());
		return last == null ? held : last;
	}

	private Artefact onThisNode(Artefact payload) {
		try {
			return copies.available(payload).map(path -> new Artefact(path, payload.size(), payload.sha256()))
				.orElse(payload);
		}
		catch (IllegalStateException ex) {
			// a database copy that no longer matches its record is not restored; checkPayload refuses the night
			return payload;
		}
	}

	private static void checkPayload(LocalDate night, Artefact payload) {
		if (!Files.isRegularFile(payload.path())) {
			throw new ApprovalRefusedException("night " + night + "'s archived payload is missing ("
					+ payload.path() + "); run 'phonehome verify --date " + night + "'", false);
		}
		String now = ArtefactWriter.describe(payload.path()).sha256();
		if (!now.equals(payload.sha256())) {
			throw new ApprovalRefusedException("night " + night + "'s archived payload no longer matches its "
					+ "recorded sha256 (" + payload.sha256() + ", now " + now + "): it cannot be approved; run "
					+ "'phonehome verify --date " + night + "'", false);
		}
	}

	private static Artefact writeAddendum(Path target, LocalDate night, long executionId, String verdict,
			Approver approver, boolean samePerson, String reason, String sha256, Instant at,
			ApprovalStore.GateRow row) {
		Map<String, Object> addendum = new LinkedHashMap<>();
		addendum.put("night", night.toString());
		addendum.put("execution", executionId);
		addendum.put("decision", verdict);
		addendum.put("heldBecause", row.reasons());
		addendum.put("ranBy", row.ranBy());
		addendum.put("decidedBy", approver.name());
		addendum.put("osUser", approver.osUser());
		addendum.put("through", approver.viaConsole() ? "console" : "command line");
		addendum.put("samePersonAllowed", samePerson);
		addendum.put("reason", reason);
		addendum.put("payloadSha256", sha256);
		addendum.put("decidedAt", at.toString());
		addendum.put("note", APPROVED_NOTE.get(verdict));
		byte[] json = (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(addendum) + "\n")
			.getBytes(StandardCharsets.UTF_8);
		return ArtefactWriter.write(target, out -> out.write(json));
	}

	private static final Map<String, String> APPROVED_NOTE = Map.of(ApprovalStore.APPROVED,
			"This night was held for approval when it was archived; its audit states HELD. It was approved as "
					+ "recorded here and queued for delivery with the payload of this SHA-256.",
			ApprovalStore.REJECTED, "This night was held for approval when it was archived; its audit states HELD. "
					+ "It was rejected as recorded here: it stays archived and is never sent.");

	/** Appends decisions a killed process committed but did not chain yet (the chain is written after the commit). */
	public void chainMissing() {
		for (ApprovalStore.Decision decision : store.decisions()) {
			if (!chain.contains(SUBJECT + decision.id())) {
				chain.append(SUBJECT + decision.id(), decision.verdict(), text(decision, decision.addendumSha256()));
			}
		}
	}

	@Override
	public boolean handles(String subject) {
		return subject.startsWith(SUBJECT);
	}

	/** The decision as recorded, with its addendum's digest as the file is now: a changed addendum breaks the link. */
	@Override
	public Optional<String> currentText(String subject, String event) {
		long id = Long.parseLong(subject.substring(SUBJECT.length()));
		return store.decision(id).map(decision -> {
			Path addendum = Path.of(decision.addendumPath());
			String now = Files.isRegularFile(addendum) ? ArtefactWriter.describe(addendum).sha256()
					// decided on another node sharing the database: its stored copy's bytes as they are now
					: copies.copyOf(new Artefact(addendum, -1, decision.addendumSha256()))
						.map(copy -> copies.describe(copy).sha256())
						.orElse("missing (" + ADDENDUM + " was removed)");
			return text(decision, now);
		});
	}

	/** The canonical text of a decision in the record chain (names and digests; no address, no secret). */
	static String text(ApprovalStore.Decision d, String addendumSha256) {
		return String.join("\n", "approval=" + d.id(), "night.date=" + d.night(), "execution=" + d.executionId(),
				"verdict=" + d.verdict(), "approver=" + d.approver(), "os-user=" + d.osUser(),
				"same-person=" + d.samePerson(), "reason=" + d.reason(), "payload.sha256=" + d.payloadSha256(),
				"decided-at=" + d.decidedAt(), "addendum=" + d.addendumPath(), "addendum.sha256=" + addendumSha256);
	}

	/** The contract's fingerprint: the first 16 hex digits of payload.schema.json's SHA-256 (the field set). */
	private static String contractFingerprint() {
		try (InputStream in = Approvals.class.getClassLoader().getResourceAsStream(PayloadContract.SCHEMA_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(PayloadContract.SCHEMA_RESOURCE + " is missing from the classpath");
			}
			var digest = Sha256.newDigest();
			digest.update(in.readAllBytes());
			return Sha256.hex(digest).substring(0, 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
