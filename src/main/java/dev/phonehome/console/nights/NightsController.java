package dev.phonehome.console.nights;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.phonehome.console.ConsoleOnly;
import dev.phonehome.console.ConsoleProblem;
import dev.phonehome.console.NightCatalog;
import dev.phonehome.console.QueryValues;

/** Nights: one row per night and execution, newest first, filtered by period and status, a page at a time. */
@Controller
@ConsoleOnly
class NightsController {

	static final int PAGE_SIZE = 25;

	private static final List<String> STATUSES = Arrays.stream(BatchStatus.values()).map(Enum::name).toList();

	private final NightCatalog catalog;

	NightsController(NightCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/nights")
	String nights(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String status, @RequestParam(required = false) String page, Model model) {
		LocalDate start = QueryValues.date("from", from);
		LocalDate end = QueryValues.date("to", to);
		QueryValues.range(start, end);
		String wanted = status == null || status.isBlank() ? null : status.strip().toUpperCase();
		if (wanted != null && !STATUSES.contains(wanted)) {
			throw ConsoleProblem.badRequest("'" + QueryValues.shown(status) + "' is not a status: use one of "
					+ String.join(", ", STATUSES));
		}
		model.addAttribute("rows", catalog.rows(start, end, wanted, QueryValues.page(page), PAGE_SIZE));
		model.addAttribute("from", start == null ? "" : start.toString());
		model.addAttribute("to", end == null ? "" : end.toString());
		model.addAttribute("status", wanted == null ? "" : wanted);
		model.addAttribute("statuses", STATUSES);
		return "nights";
	}

}
