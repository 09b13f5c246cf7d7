package dev.phonehome.console.approvals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The four-eyes gate as the console sees it: nights held before delivery until an approver decides. The approval
 * feature's service is behind it ({@link GateHeldNights}); without any such bean the console shows that no gate is
 * installed and takes no decision. Approving and rejecting are the console's only state-changing actions.
 */
public interface HeldNights {

	/** Nights waiting for a decision, oldest first. */
	List<HeldNight> held();

	/**
	 * Records an approver's decision on a held night and says what follows from it, in one sentence for the page.
	 *
	 * @throws java.util.NoSuchElementException when the night's execution is not held (unknown, or never held): 404
	 * @throws IllegalStateException when it cannot be decided now or by this approver (already decided, the
	 *         four-eyes rule): 409, with the reason as its message
	 */
	String decide(LocalDate night, long executionId, Verdict verdict, String approver, String comment);

	enum Verdict {

		APPROVE, REJECT

	}

	/**
	 * A night held for approval.
	 *
	 * @param reason why it is held (what the gate saw)
	 */
	record HeldNight(LocalDate night, long executionId, Instant heldSince, String reason) {
	}

}
