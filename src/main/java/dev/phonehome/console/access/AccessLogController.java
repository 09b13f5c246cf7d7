package dev.phonehome.console.access;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.phonehome.console.ConsoleOnly;
import dev.phonehome.console.PageOf;
import dev.phonehome.console.QueryValues;
import jakarta.servlet.http.HttpServletResponse;

/** The access log, for approvers: newest first, filtered by user, night and period, and exportable as CSV. */
@Controller
@ConsoleOnly
class AccessLogController {

	static final int PAGE_SIZE = 50;

	private final AccessLog accessLog;

	AccessLogController(AccessLog accessLog) {
		this.accessLog = accessLog;
	}

	@GetMapping("/access-log")
	String accessLog(@RequestParam(required = false) String user, @RequestParam(required = false) String night,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String page, Model model) {
		AccessLog.Filter filter = filter(user, night, from, to);
		int number = QueryValues.page(page);
		long total = accessLog.count(filter);
		model.addAttribute("entries", new PageOf<>(accessLog.page(filter, number, PAGE_SIZE), number, PAGE_SIZE, total,
				(long) (number + 1) * PAGE_SIZE < total));
		model.addAttribute("filter", filter);
		return "access-log";
	}

	@GetMapping("/access-log.csv")
	@Recorded(Action.EXPORT)
	void export(@RequestParam(required = false) String user, @RequestParam(required = false) String night,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			HttpServletResponse response) throws IOException {
		AccessLog.Filter filter = filter(user, night, from, to);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("phonehome-console-access.csv").build().toString());
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		try (CSVPrinter csv = CSVFormat.RFC4180.builder()
			.setHeader("id", "at", "user", "action", "target", "night", "execution", "httpStatus")
			.get()
			.print(out)) {
			accessLog.each(filter, entry -> {
				try {
					csv.printRecord(entry.id(), entry.at(), entry.username(), entry.action(), entry.target(),
							entry.night(), entry.executionId(), entry.httpStatus());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	private static AccessLog.Filter filter(String user, String night, String from, String to) {
		LocalDate start = QueryValues.date("from", from);
		LocalDate end = QueryValues.date("to", to);
		QueryValues.range(start, end);
		return new AccessLog.Filter(user == null || user.isBlank() ? null : user.strip(), QueryValues.date("night", night),
				start, end);
	}

}
