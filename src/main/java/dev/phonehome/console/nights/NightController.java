package dev.phonehome.console.nights;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.phonehome.console.ArchiveChecks;
import dev.phonehome.console.ConsoleOnly;
import dev.phonehome.console.ConsoleProblem;
import dev.phonehome.console.NightCatalog;
import dev.phonehome.console.NightView;
import dev.phonehome.console.NightView.FileKind;
import dev.phonehome.console.NightView.RecordedFile;
import dev.phonehome.console.QueryValues;
import dev.phonehome.console.Redaction;
import dev.phonehome.console.access.Action;
import dev.phonehome.console.access.Recorded;
import dev.phonehome.delivery.Outbox;
import dev.phonehome.delivery.OutboxEntry;
import dev.phonehome.history.HistoryEntry;
import dev.phonehome.payload.PayloadSection;

/**
 * A night: its decisions and reasons, delivery and receipts, digests and chain link, what changed since the night
 * before, its other executions, and its archived files (downloads only ever serve bytes that match the record).
 */
@Controller
@ConsoleOnly
class NightController {

	static final int PREVIEW_PAGE_SIZE = 50;

	private final NightCatalog catalog;

	private final ArchiveChecks checks;

	private final Outbox outbox;

	NightController(NightCatalog catalog, ArchiveChecks checks, Outbox outbox) {
		this.catalog = catalog;
		this.checks = checks;
		this.outbox = outbox;
	}

	/** A night's address without an execution: its newest one. */
	@GetMapping("/nights/{night}")
	String night(@PathVariable String night) {
		LocalDate date = QueryValues.night(night);
		HistoryEntry newest = catalog.executionsOf(date).get(0);
		return "redirect:/nights/" + date + "/executions/" + newest.executionId();
	}

	@GetMapping("/nights/{night}/executions/{execution}")
	String execution(@PathVariable String night, @PathVariable String execution, Model model) {
		LocalDate date = QueryValues.night(night);
		JobExecution found = catalog.execution(date, QueryValues.execution(execution));
		NightView view = NightView.of(found);
		model.addAttribute("view", view);
		model.addAttribute("entry", catalog.entry(found.getId()));
		model.addAttribute("findings", checks.findings(found));
		model.addAttribute("verify", checks.state(found));
		model.addAttribute("executions", catalog.executionsOf(date));
		model.addAttribute("outbox", outbox.find(date).map(NightController::redacted).orElse(null));
		model.addAttribute("previous", previousNight(view).orElse(null));
		model.addAttribute("changes", previousNight(view).map(p -> changes(p, view)).orElse(Map.of()));
		model.addAttribute("sections", List.of(PayloadSection.values()));
		return "night";
	}

	@GetMapping("/nights/{night}/executions/{execution}/files/{file}")
	@Recorded(Action.DOWNLOAD)
	ResponseEntity<Resource> file(@PathVariable String night, @PathVariable String execution,
			@PathVariable String file, @RequestParam(required = false) String inline) {
		LocalDate date = QueryValues.night(night);
		long id = QueryValues.execution(execution);
		NightView view = NightView.of(catalog.execution(date, id));
		FileKind kind = FileKind.named(file)
			.orElseThrow(() -> ConsoleProblem.notFound("'" + QueryValues.shown(file) + "' is not a file the console "
					+ "serves; an execution's files are payload.json, audit.pdf and audit.csv"));
		RecordedFile recorded = view.file(kind)
			.orElseThrow(() -> ConsoleProblem.notFound("execution " + id + " of " + date + " archived no " + file));
		Path path = checks.intact(recorded, "the " + file + " of execution " + id);
		boolean asPage = inline != null && kind == FileKind.AUDIT_PDF;
		String name = date + "-execution-" + id + "-" + kind.fileName();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(kind.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					(asPage ? ContentDisposition.inline() : ContentDisposition.attachment()).filename(name)
						.build()
						.toString())
			// RFC 9530: the SHA-256 of the bytes served, which is the recorded one (checked just above)
			.header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(recorded.sha256())) + ":")
			.body(new FileSystemResource(path));
	}

	@GetMapping("/nights/{night}/executions/{execution}/payload")
	@Recorded(Action.PAYLOAD_PREVIEW)
	String payload(@PathVariable String night, @PathVariable String execution,
			@RequestParam(required = false) String section, @RequestParam(required = false) String q,
			@RequestParam(required = false) String page, Model model) {
		LocalDate date = QueryValues.night(night);
		long id = QueryValues.execution(execution);
		NightView view = NightView.of(catalog.execution(date, id));
		PayloadSection shown = section(section);
		if (q != null && q.length() > 200) {
			throw ConsoleProblem.badRequest("the search is too long (at most 200 characters)");
		}
		RecordedFile payload = view.file(FileKind.PAYLOAD)
			.orElseThrow(() -> ConsoleProblem.notFound("execution " + id + " of " + date + " archived no payload"));
		Path path = checks.intact(payload, "the payload.json of execution " + id);
		model.addAttribute("view", view);
		model.addAttribute("preview",
				PayloadPreview.read(path, shown, q, QueryValues.page(page), PREVIEW_PAGE_SIZE));
		model.addAttribute("sections", List.of(PayloadSection.values()));
		return "payload";
	}

	private static PayloadSection section(String key) {
		if (key == null || key.isBlank()) {
			return PayloadSection.USERS;
		}
		for (PayloadSection section : PayloadSection.values()) {
			if (section.key().equals(key)) {
				return section;
			}
		}
		throw ConsoleProblem.badRequest("'" + QueryValues.shown(key)
				+ "' is not a section of the payload: use companies, teams, users or codeReviews");
	}

	/** The closest earlier night with an archived real run: what this night is compared with. */
	private Optional<NightView> previousNight(NightView view) {
		return catalog.executions()
			.stream()
			.map(NightView::of)
			.filter(NightView::archivedRealRun)
			.filter(v -> v.night().isBefore(view.night()))
			.reduce((a, b) -> b.night().isAfter(a.night()) || b.night().equals(a.night()) ? b : a);
	}

	/** Counts per section now and the night before (the full diff of nights is another feature's). */
	private static Map<String, long[]> changes(NightView previous, NightView view) {
		Map<String, long[]> changes = new LinkedHashMap<>();
		view.counts().forEach((section, count) -> {
			Long before = previous.counts().get(section);
			if (before != null) {
				changes.put(section, new long[] { before, count, count - before });
			}
		});
		return changes;
	}

	private static OutboxEntry redacted(OutboxEntry entry) {
		return new OutboxEntry(entry.night(), entry.executionId(), entry.payloadPath(), entry.payloadSha256(),
				entry.payloadSize(), entry.status(), entry.idempotencyKey(), entry.keyFixed(), entry.attempts(),
				entry.lastAttemptAt(), entry.lastHttpStatus(), Redaction.url(entry.lastError()), entry.deliveredAt(),
				entry.deliveredBy(), entry.recorded());
	}

}
