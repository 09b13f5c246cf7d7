package dev.phonehome.console.trends;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.DoubleFunction;
import java.util.function.Function;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.phonehome.console.ConsoleOnly;
import dev.phonehome.console.ConsoleProblem;
import dev.phonehome.console.QueryValues;
import dev.phonehome.console.trends.SvgChart.Kind;
import dev.phonehome.console.trends.SvgChart.Series;

/** Trends: charts of the nights of a period (by default the 30 nights up to the newest one). */
@Controller
@ConsoleOnly
class TrendsController {

	static final int DEFAULT_NIGHTS = 30;

	static final int MAX_NIGHTS = 366;

	private final Trends trends;

	TrendsController(Trends trends) {
		this.trends = trends;
	}

	/** A drawn chart and its caption, for the page. */
	public record Chart(String id, String title, String svg) {
	}

	@GetMapping("/trends")
	String trends(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		LocalDate end = QueryValues.date("to", to);
		LocalDate start = QueryValues.date("from", from);
		if (end == null) {
			end = start != null ? start.plusDays(DEFAULT_NIGHTS - 1) : trends.newestNight();
		}
		if (end != null && start == null) {
			start = end.minusDays(DEFAULT_NIGHTS - 1);
		}
		QueryValues.range(start, end);
		if (start != null && start.plusDays(MAX_NIGHTS).isBefore(end)) {
			throw ConsoleProblem.badRequest("the period is longer than " + MAX_NIGHTS + " nights; choose a shorter one");
		}
		List<TrendPoint> points = end == null ? List.of() : trends.points(start, end);
		model.addAttribute("from", start == null ? "" : start.toString());
		model.addAttribute("to", end == null ? "" : end.toString());
		model.addAttribute("points", points);
		model.addAttribute("charts", points.isEmpty() ? List.of() : charts(points));
		return "trends";
	}

	private static List<Chart> charts(List<TrendPoint> points) {
		List<String> nights = points.stream().map(p -> p.night().toString()).toList();
		List<Chart> charts = new ArrayList<>();
		charts.add(chart(Kind.LINES, "users", "Users and active users",
				"Users in each night's payload, and those with at least one post counted that night.", nights,
				List.of(series("users", points, TrendPoint::users), series("active users", points, TrendPoint::activeUsers)),
				TrendsController::count));
		charts.add(chart(Kind.STACKED_BARS, "emails", "Emails sent and redacted",
				"Per night: users whose address was sent, users whose address was redacted (paid plan), and users "
						+ "with no address on record.",
				nights,
				List.of(series("sent", points, TrendPoint::emailsSent),
						series("redacted (paid plan)", points, TrendPoint::emailsRedacted),
						series("no address on record", points, TrendPoint::emailsNone)),
				TrendsController::count));
		TreeSet<String> plans = new TreeSet<>();
		points.forEach(p -> plans.addAll(p.plans().keySet()));
		charts.add(chart(Kind.STACKED_BARS, "plans", "Companies by plan",
				"Companies per plan, as each night's email decision counted them.", nights,
				plans.stream().map(plan -> series(plan, points, p -> p.plans().get(plan))).toList(),
				TrendsController::count));
		charts.add(chart(Kind.LINES, "integrations", "Integrations",
				"How many integrations each night's payload listed (the names are in the table below).", nights,
				List.of(series("integrations", points, p -> (long) p.integrations().size())), TrendsController::count));
		// the axis counts in the unit the sizes are read in (KB or MB), so its steps are round numbers of it
		long largest = points.stream().map(TrendPoint::payloadSize).filter(v -> v != null).mapToLong(Long::longValue).max().orElse(0);
		double unit = largest >= 10L << 20 ? 1 << 20 : 1 << 10;
		String unitName = unit == 1 << 20 ? "MB" : "KB";
		charts.add(chart(Kind.LINES, "size", "Payload size", "The size of each night's archived payload, in " + unitName + ".",
				nights, List.of(new Series("payload", points.stream()
					.map(p -> p.payloadSize() == null ? null : p.payloadSize() / unit)
					.toList())), v -> String.format(Locale.ROOT, "%,.0f %s", v, unitName)));
		charts.add(chart(Kind.STACKED_BARS, "delay", "Delivery delay",
				"Hours from the end of the night's window to the receiver's confirming HTTP 200 (none: not delivered).",
				nights, List.of(new Series("hours to delivery", points.stream().map(TrendPoint::deliveryDelayHours).toList())),
				TrendsController::hours));
		return charts;
	}

	private static Chart chart(Kind kind, String id, String title, String description, List<String> nights,
			List<Series> series, DoubleFunction<String> format) {
		return new Chart("chart-" + id, title, SvgChart.draw(kind, "chart-" + id, title, description, nights, series, format));
	}

	private static Series series(String name, List<TrendPoint> points, Function<TrendPoint, Long> value) {
		return new Series(name, points.stream().map(value).map(v -> v == null ? null : v.doubleValue()).toList());
	}

	static String count(double value) {
		return String.format(Locale.ROOT, "%,d", Math.round(value));
	}

	static String hours(double value) {
		return String.format(Locale.ROOT, "%.1f h", value);
	}

}
