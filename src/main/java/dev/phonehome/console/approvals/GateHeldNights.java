package dev.phonehome.console.approvals;

import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.phonehome.approval.ApprovalRefusedException;
import dev.phonehome.approval.Approvals;
import dev.phonehome.console.ConsoleOnly;

/**
 * The console's Approvals page on the real scope gate ({@link Approvals}): the same service as {@code phonehome
 * approve}/{@code reject}. The approver is the signed-in console user; the four-eyes rule compares that name
 * (ignoring case) with the OS user who ran the night, never the console's own process user (a service account,
 * recorded as the OS user, which may well be the one that runs the nights). A refusal by that rule cannot be waived
 * in the console ({@code --allow-same-person} is the command line's, where the OS user is recorded).
 */
class GateHeldNights implements HeldNights {

	private final Approvals approvals;

	GateHeldNights(Approvals approvals) {
		this.approvals = approvals;
	}

	@Override
	public List<HeldNight> held() {
		return approvals.held()
			.stream()
			.map(h -> new HeldNight(h.night(), h.executionId(), h.heldSince(), h.reasons()))
			.toList();
	}

	@Override
	public String decide(LocalDate night, long executionId, Verdict verdict, String approver, String comment) {
		Approvals.Approver who = new Approvals.Approver(approver, System.getProperty("user.name", "unknown"), true);
		try {
			Approvals.Outcome outcome = verdict == Verdict.APPROVE
					? approvals.approve(night, executionId, who, comment, false)
					: approvals.reject(night, executionId, who, comment, false);
			return outcome.message().replaceFirst("^phonehome: ", "");
		}
		catch (ApprovalRefusedException ex) {
			if (ex.unknownNight()) {
				throw new NoSuchElementException(ex.getMessage());
			}
			if (ex.samePersonAs().isPresent()) {
				// the command's way out (--allow-same-person) is no option here: the console never waives the rule
				String decide = verdict == Verdict.APPROVE ? "approve" : "reject";
				throw new IllegalStateException("night " + night + " was run by OS user " + ex.samePersonAs().get()
						+ ", and you are signed in as " + approver + ": a second person must " + decide
						+ " it. The console does not waive the four-eyes rule; nothing was changed.");
			}
			throw new IllegalStateException(ex.getMessage());
		}
	}

	/** Registered unless a test stands in its own gate. */
	@Configuration(proxyBeanMethods = false)
	@ConsoleOnly
	static class GateConfiguration {

		@Bean
		@ConditionalOnMissingBean(HeldNights.class)
		HeldNights heldNights(Approvals approvals) {
			return new GateHeldNights(approvals);
		}

	}

}
