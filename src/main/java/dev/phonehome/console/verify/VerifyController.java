package dev.phonehome.console.verify;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.phonehome.console.ConsoleOnly;
import dev.phonehome.console.QueryValues;
import dev.phonehome.verify.ArchiveVerifier;
import dev.phonehome.verify.Finding;

/**
 * Verify: the same read-only check as {@code phonehome verify} (every archived file against its recorded SHA-256,
 * files nobody recorded, the hash chain of the records). {@code /verify} explains; {@code /verify?night=D} or
 * {@code /verify?all} runs it, at an address that can go into a ticket.
 */
@Controller
@ConsoleOnly
class VerifyController {

	private final ArchiveVerifier verifier;

	VerifyController(ArchiveVerifier verifier) {
		this.verifier = verifier;
	}

	@GetMapping("/verify")
	String verify(@RequestParam(required = false) String night, @RequestParam(required = false) String all,
			Model model) {
		LocalDate date = QueryValues.date("night", night);
		model.addAttribute("night", date == null ? "" : date.toString());
		if (date != null || all != null) {
			List<Finding> findings = verifier.verify(date, date);
			long problems = findings.stream().filter(f -> f.kind().isProblem()).count();
			model.addAttribute("findings", findings);
			model.addAttribute("problems", problems);
			model.addAttribute("scope", date == null ? "every night" : "the night " + date);
		}
		return "verify";
	}

}
