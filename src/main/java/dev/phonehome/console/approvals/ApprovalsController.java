package dev.phonehome.console.approvals;

import java.security.Principal;
import java.time.LocalDate;
import java.util.NoSuchElementException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.phonehome.console.ConsoleOnly;
import dev.phonehome.console.ConsoleProblem;
import dev.phonehome.console.QueryValues;
import dev.phonehome.console.access.Action;
import dev.phonehome.console.access.Recorded;
import dev.phonehome.console.approvals.HeldNights.Verdict;

/**
 * Approvals: the held nights, with approve and reject for approvers (the security allows these POSTs to the
 * approver role only, each with its CSRF token). Without a {@link HeldNights} bean the page says no gate is
 * installed and the POSTs answer 404.
 */
@Controller
@ConsoleOnly
class ApprovalsController {

	private static final int MAX_COMMENT = 500;

	private final ObjectProvider<HeldNights> gate;

	ApprovalsController(ObjectProvider<HeldNights> gate) {
		this.gate = gate;
	}

	@GetMapping("/approvals")
	String approvals(Model model) {
		HeldNights heldNights = gate.getIfAvailable();
		model.addAttribute("installed", heldNights != null);
		model.addAttribute("held", heldNights == null ? java.util.List.of() : heldNights.held());
		return "approvals";
	}

	@PostMapping("/approvals/{night}/executions/{execution}/approve")
	@Recorded(Action.APPROVE)
	String approve(@PathVariable String night, @PathVariable String execution,
			@RequestParam(required = false) String comment, Principal approver, RedirectAttributes redirect) {
		return decide(night, execution, Verdict.APPROVE, comment, approver, redirect);
	}

	@PostMapping("/approvals/{night}/executions/{execution}/reject")
	@Recorded(Action.REJECT)
	String reject(@PathVariable String night, @PathVariable String execution,
			@RequestParam(required = false) String comment, Principal approver, RedirectAttributes redirect) {
		return decide(night, execution, Verdict.REJECT, comment, approver, redirect);
	}

	private String decide(String night, String execution, Verdict verdict, String comment, Principal approver,
			RedirectAttributes redirect) {
		LocalDate date = QueryValues.night(night);
		long id = QueryValues.execution(execution);
		HeldNights heldNights = gate.getIfAvailable();
		if (heldNights == null) {
			throw ConsoleProblem.notFound("no approval gate is installed in this version, so no night is held");
		}
		String note = comment == null ? "" : comment.strip();
		if (note.length() > MAX_COMMENT) {
			throw ConsoleProblem.badRequest("the comment is too long (at most " + MAX_COMMENT + " characters)");
		}
		if (verdict == Verdict.REJECT && note.isEmpty()) {
			throw ConsoleProblem.badRequest("a rejection needs a comment saying why");
		}
		try {
			String outcome = heldNights.decide(date, id, verdict, approver.getName(), note);
			redirect.addFlashAttribute("outcome", outcome);
			return "redirect:/approvals";
		}
		catch (NoSuchElementException ex) {
			throw ConsoleProblem.notFound("execution " + id + " of " + date + " is not held for approval");
		}
		catch (IllegalStateException ex) {
			throw ConsoleProblem.conflict(ex.getMessage());
		}
	}

}
