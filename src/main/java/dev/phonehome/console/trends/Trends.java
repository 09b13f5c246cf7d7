package dev.phonehome.console.trends;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dev.phonehome.payload.EmailStatus;
import dev.phonehome.payload.PayloadCursor;
import dev.phonehome.console.ArchiveChecks;
import dev.phonehome.console.ConsoleOnly;
import dev.phonehome.console.ConsoleProblem;
import dev.phonehome.console.NightCatalog;
import dev.phonehome.console.NightView;
import dev.phonehome.console.NightView.FileKind;
import dev.phonehome.delivery.Outbox;
import dev.phonehome.delivery.OutboxEntry;
import dev.phonehome.record.RunMode;
import dev.phonehome.payload.PayloadSection;

/**
 * The figures of each night in a period. Most come from the night's record; active users and the email counts are
 * added up from the archived payload itself (with the audit's own tally), once per payload: a payload's bytes never
 * change, so its figures are remembered by its SHA-256.
 */
@Component
@ConsoleOnly
public class Trends {

	private final NightCatalog catalog;

	private final ArchiveChecks checks;

	private final Outbox outbox;

	private final Map<String, PayloadFigures> figuresBySha = new ConcurrentHashMap<>();

	public Trends(NightCatalog catalog, ArchiveChecks checks, Outbox outbox) {
		this.catalog = catalog;
		this.checks = checks;
		this.outbox = outbox;
	}

	/** The newest night with a real run, or {@code null} when there is none yet. */
	public LocalDate newestNight() {
		return runs(null, null).stream().map(NightView::night).max(Comparator.naturalOrder()).orElse(null);
	}

	public List<TrendPoint> points(LocalDate from, LocalDate to) {
		List<TrendPoint> points = new ArrayList<>();
		for (NightView run : runs(from, to)) {
			points.add(point(run));
		}
		points.sort(Comparator.comparing(TrendPoint::night));
		return points;
	}

	/** Each night's first completed real run (what was sent), in the period. */
	private List<NightView> runs(LocalDate from, LocalDate to) {
		Map<LocalDate, NightView> first = new TreeMap<>();
		for (NightView view : catalog.executions().stream().map(NightView::of).toList()) {
			boolean inPeriod = (from == null || !view.night().isBefore(from)) && (to == null || !view.night().isAfter(to));
			boolean real = "COMPLETED".equals(view.status()) && view.mode() != null && view.mode() != RunMode.DRY_RUN
					&& view.mode() != RunMode.RERUN;
			if (inPeriod && real) {
				first.putIfAbsent(view.night(), view);
			}
		}
		return List.copyOf(first.values());
	}

	private TrendPoint point(NightView run) {
		PayloadFigures figures = null;
		String note = run.decisions().skipped() ? "skipped: " + run.decisions().skipReason() : "";
		var payload = run.file(FileKind.PAYLOAD);
		if (payload.isPresent()) {
			try {
				checks.intact(payload.get(), "the payload");
				figures = figuresBySha.computeIfAbsent(payload.get().sha256(),
						sha -> PayloadFigures.read(payload.get().path()));
			}
			catch (ConsoleProblem changed) {
				note = "payload left out: " + changed.getMessage();
			}
		}
		return new TrendPoint(run.night(), run.executionId(), run.counts().get(PayloadSection.USERS.key()),
				figures == null ? null : figures.activeUsers(), figures == null ? null : figures.sent(),
				figures == null ? null : figures.redacted(), figures == null ? null : figures.none(), run.plans(),
				run.integrations(), run.payloadSize(), deliveryDelay(run), note);
	}

	/** From the end of the night's window to its delivery (recorded, or confirmed later by another run). */
	private Double deliveryDelay(NightView run) {
		if (run.windowEnd() == null) {
			return null;
		}
		Instant delivered = null;
		try {
			delivered = run.delivery().deliveredAt().isEmpty() ? null : Instant.parse(run.delivery().deliveredAt());
		}
		catch (DateTimeParseException ignored) {
			// not an instant: looked up in the outbox below
		}
		if (delivered == null) {
			delivered = outbox.find(run.night()).filter(OutboxEntry::delivered).map(OutboxEntry::deliveredAt).orElse(null);
		}
		return delivered == null ? null : Duration.between(run.windowEnd(), delivered).toSeconds() / 3600.0;
	}

	record PayloadFigures(long activeUsers, long sent, long redacted, long none) {

		/** Streams the archived payload's users once: active ones and each email status, nothing kept. */
		static PayloadFigures read(java.nio.file.Path payload) {
			long active = 0;
			Map<EmailStatus, Long> statuses = new java.util.EnumMap<>(EmailStatus.class);
			try (PayloadCursor cursor = PayloadCursor.open(payload)) {
				if (cursor.skipTo(PayloadSection.USERS)) {
					for (Map<String, Object> user; (user = cursor.nextItem()) != null;) {
						statuses.merge(EmailStatus.of(user), 1L, Long::sum);
						active += active(user) ? 1 : 0;
					}
				}
			}
			return new PayloadFigures(active, statuses.getOrDefault(EmailStatus.SENT, 0L),
					statuses.getOrDefault(EmailStatus.REDACTED_PAID_PLAN, 0L),
					statuses.getOrDefault(EmailStatus.NO_EMAIL_ON_RECORD, 0L));
		}

		/** A user is active in the night when any of the night's counts is above zero. */
		private static boolean active(Map<String, Object> user) {
			return ACTIVITY.stream().anyMatch(field -> user.get(field) instanceof Number n && n.longValue() > 0);
		}

		private static final List<String> ACTIVITY = List.of("codemarks", "codemarksInReviews", "reviews", "replies");

	}

}
