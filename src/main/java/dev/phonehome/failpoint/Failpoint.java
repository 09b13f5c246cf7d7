package dev.phonehome.failpoint;

/**
 * Named points where a test may halt the process, to prove that every durable step survives a crash at that
 * instruction (the crash matrix, {@code CrashMatrixTests}). In the style of etcd's gofail: off and free in production
 * (one comparison against a constant read once), switched on only by the test-only system property
 * {@value #PROPERTY}{@code =NAME} or {@code NAME@N} (the N-th time the point is reached), which halts the JVM there
 * with {@link Runtime#halt(int)}: no shutdown hook, no finally block, no flush, as {@code kill -9} would.
 */
public enum Failpoint {

	/** The night's lock is held, nothing started yet. */
	LAUNCHER_LOCKED("launcher.locked"),
	/** decideNightStep saved the decisions; its step has not committed. */
	DECIDE_BEFORE_COMMIT("decide.before-commit"),
	/** A chunk of a collect step was written to its part file; the chunk has not committed. */
	COLLECT_CHUNK_WRITTEN("collect.chunk-written"),
	/** The payload is archived (moved into place); its record has not committed. */
	ASSEMBLE_AFTER_ARCHIVE("assemble.after-archive"),
	/** The payload's record is saved in the step's transaction; the step has not committed. */
	ASSEMBLE_BEFORE_COMMIT("assemble.before-commit"),
	/** compareNightStep saved the night's changes in its record; the step has not committed. */
	COMPARE_BEFORE_COMMIT("compare.before-commit"),
	/** The scope gate recorded the night (passed or held) in the step's transaction; the step has not committed. */
	GATE_BEFORE_COMMIT("gate.before-commit"),
	/** The night is queued in the outbox (committed); nothing sent yet. */
	DELIVER_AFTER_ENQUEUE("deliver.after-enqueue"),
	/** The set is marked in flight (committed); the request has not gone out. */
	DELIVER_IN_FLIGHT("deliver.in-flight"),
	/** The receiver answered 200; the outbox does not know yet. */
	DELIVER_AFTER_200("deliver.after-200"),
	/** The outbox marked the set delivered (committed); the night's record does not say so yet. */
	DELIVER_AFTER_MARKED("deliver.after-marked"),
	/** Every delivery is recorded; the delivery step has not committed. */
	DELIVER_BEFORE_COMMIT("deliver.before-commit"),
	/** audit.csv is written, audit.pdf not yet. */
	AUDIT_BETWEEN_DOCUMENTS("audit.between-documents"),
	/** Both audit documents are in place; their record has not committed. */
	AUDIT_BEFORE_COMMIT("audit.before-commit"),
	/** Every step is done; the execution is not yet in the record chain. */
	CLOSE_BEFORE_CHAIN("close.before-chain"),
	/** The chain entry is committed; Batch has not recorded the execution's end. */
	CLOSE_AFTER_CHAIN("close.after-chain"),
	/** An artefact's temporary file is complete and synced; it has not been moved into place. */
	ARTEFACT_BEFORE_MOVE("artefact.before-move"),
	/** An import set the live tables' secondary indexes aside (committed); nothing published yet. */
	IMPORT_INDEXES_ASIDE("import.indexes-aside"),
	/** An import published the staged tables (committed); their secondary indexes are not built yet. */
	IMPORT_PUBLISHED("import.published"),
	/**
	 * approve/reject wrote the decision's addendum and saved the decision, the queue entry and the night's record in
	 * one transaction; it has not committed.
	 */
	APPROVE_BEFORE_COMMIT("approve.before-commit"),
	/** The approval (or rejection) is committed; it is not yet in the record chain. */
	APPROVE_BEFORE_CHAIN("approve.before-chain");

	/** The test-only system property that arms one point. */
	public static final String PROPERTY = "phonehome.failpoint";

	/** The exit status of a process halted at a failpoint (as a {@code kill -9} reports 137). */
	public static final int HALT_STATUS = 137;

	private static final String ARMED = System.getProperty(PROPERTY);

	private static int hits;

	private final String label;

	Failpoint(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Halts the JVM here if this point is armed (and this is the armed hit); does nothing otherwise. */
	public void hit() {
		if (ARMED != null && armedHere()) {
			System.err.println("phonehome: failpoint " + label + " reached: halting");
			System.err.flush();
			Runtime.getRuntime().halt(HALT_STATUS);
		}
	}

	private synchronized boolean armedHere() {
		int at = ARMED.indexOf('@');
		String name = at < 0 ? ARMED : ARMED.substring(0, at);
		if (!name.equals(label)) {
			return false;
		}
		int wanted = at < 0 ? 1 : Integer.parseInt(ARMED.substring(at + 1));
		return ++hits == wanted;
	}

}
