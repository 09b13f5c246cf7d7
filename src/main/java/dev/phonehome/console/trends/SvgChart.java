package dev.phonehome.console.trends;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

import org.springframework.web.util.HtmlUtils;

/**
 * A chart drawn on the server as SVG: lines or stacked bars over the nights of a period. No script, so it passes
 * the console's Content-Security-Policy; a title and description make it readable to a screen reader, and every
 * page shows the same figures as a table beside it.
 */
public final class SvgChart {

	/** Okabe-Ito: told apart by people with the common colour-vision deficiencies, and dark enough on white. */
	static final List<String> PALETTE = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00",
			"#000000");

	private static final int WIDTH = 760;

	private static final int HEIGHT = 280;

	private static final int LEFT = 84;

	private static final int RIGHT = 16;

	private static final int TOP = 36;

	private static final int BOTTOM = 48;

	/**
	 * One named row of values, one per night; {@code null} where the night has no figure (drawn as a gap).
	 */
	public record Series(String name, List<Double> values) {

		boolean hasData() {
			return values.stream().anyMatch(v -> v != null);
		}

	}

	public enum Kind {

		LINES, STACKED_BARS

	}

	private SvgChart() {
	}

	public static String draw(Kind kind, String id, String title, String description, List<String> nights,
			List<Series> series, DoubleFunction<String> format) {
		double max = kind == Kind.LINES ? max(series) : maxStack(series, nights.size());
		Axis axis = Axis.of(max);
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").append(id)
			.append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
			.append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\"")
			.append(" data-points=\"").append(points(series)).append("\">");
		svg.append("<title id=\"").append(id).append("-title\">").append(text(title)).append("</title>");
		svg.append("<desc id=\"").append(id).append("-desc\">").append(text(description)).append("</desc>");
		grid(svg, axis, format);
		xLabels(svg, nights);
		if (kind == Kind.LINES) {
			lines(svg, axis, nights, series, format);
		}
		else {
			bars(svg, axis, nights, series, format);
		}
		legend(svg, series);
		svg.append("</svg>");
		return svg.toString();
	}

	private static void grid(StringBuilder svg, Axis axis, DoubleFunction<String> format) {
		for (int i = 0; i <= axis.ticks(); i++) {
			double value = i * axis.step();
			double y = y(value, axis);
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d0d7de\" stroke-width=\"1\"/>", LEFT, y,
					WIDTH - RIGHT, y));
			svg.append(String.format(Locale.ROOT,
					"<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"15\" fill=\"#3d4650\">%s</text>", LEFT - 6,
					y + 4, text(format.apply(value))));
		}
	}

	private static void xLabels(StringBuilder svg, List<String> nights) {
		int every = Math.max(1, (int) Math.ceil(nights.size() / 10.0));
		for (int i = 0; i < nights.size(); i++) {
			if (i % every != 0 && i != nights.size() - 1) {
				continue;
			}
			svg.append(String.format(Locale.ROOT,
					"<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"15\" fill=\"#3d4650\">%s</text>",
					x(i, nights.size()), HEIGHT - BOTTOM + 22, text(nights.get(i).substring(5))));
		}
	}

	private static void lines(StringBuilder svg, Axis axis, List<String> nights, List<Series> series,
			DoubleFunction<String> format) {
		for (int s = 0; s < series.size(); s++) {
			String colour = PALETTE.get(s % PALETTE.size());
			List<Double> values = series.get(s).values();
			StringBuilder path = new StringBuilder();
			boolean pen = false;
			for (int i = 0; i < values.size(); i++) {
				Double value = values.get(i);
				if (value == null) {
					pen = false;
					continue;
				}
				path.append(String.format(Locale.ROOT, "%s%.1f %.1f ", pen ? "L" : "M", x(i, nights.size()),
						y(value, axis)));
				pen = true;
			}
			if (path.length() > 0) {
				svg.append("<path class=\"series\" d=\"").append(path.toString().strip())
					.append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2.5\"/>");
			}
			for (int i = 0; i < values.size(); i++) {
				Double value = values.get(i);
				if (value != null) {
					svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\">",
							x(i, nights.size()), y(value, axis), colour));
					svg.append("<title>").append(text(series.get(s).name() + ", " + nights.get(i) + ": "
							+ format.apply(value))).append("</title></circle>");
				}
			}
		}
	}

	private static void bars(StringBuilder svg, Axis axis, List<String> nights, List<Series> series,
			DoubleFunction<String> format) {
		double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, nights.size());
		double width = Math.max(2, Math.min(36, slot * 0.7));
		for (int i = 0; i < nights.size(); i++) {
			double base = 0;
			for (int s = 0; s < series.size(); s++) {
				Double value = series.get(s).values().get(i);
				if (value == null || value == 0) {
					continue;
				}
				double top = y(base + value, axis);
				double bottom = y(base, axis);
				svg.append(String.format(Locale.ROOT,
						"<rect class=\"series\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">",
						x(i, nights.size()) - width / 2, top, width, Math.max(0.5, bottom - top),
						PALETTE.get(s % PALETTE.size())));
				svg.append("<title>").append(text(series.get(s).name() + ", " + nights.get(i) + ": "
						+ format.apply(value))).append("</title></rect>");
				base += value;
			}
		}
	}

	private static void legend(StringBuilder svg, List<Series> series) {
		double x = LEFT;
		for (int s = 0; s < series.size(); s++) {
			svg.append(String.format(Locale.ROOT,
					"<rect x=\"%.1f\" y=\"8\" width=\"14\" height=\"14\" fill=\"%s\"/>", x, PALETTE.get(s % PALETTE.size())));
			svg.append(String.format(Locale.ROOT,
					"<text x=\"%.1f\" y=\"21\" font-size=\"15\" fill=\"#1f2328\">%s</text>", x + 17,
					text(series.get(s).name())));
			x += 32 + 8.5 * series.get(s).name().length();
		}
	}

	private static double x(int index, int count) {
		double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, count);
		return LEFT + slot * (index + 0.5);
	}

	private static double y(double value, Axis axis) {
		double top = axis.step() * axis.ticks();
		return HEIGHT - BOTTOM - (value / top) * (HEIGHT - BOTTOM - TOP);
	}

	private static double max(List<Series> series) {
		return series.stream()
			.flatMap(s -> s.values().stream())
			.filter(v -> v != null)
			.mapToDouble(Double::doubleValue)
			.max()
			.orElse(0);
	}

	private static double maxStack(List<Series> series, int nights) {
		double max = 0;
		for (int i = 0; i < nights; i++) {
			double sum = 0;
			for (Series s : series) {
				Double value = s.values().get(i);
				sum += value == null ? 0 : value;
			}
			max = Math.max(max, sum);
		}
		return max;
	}

	/** How many values the chart draws: a test (and a person) can tell an empty chart from a drawn one. */
	private static long points(List<Series> series) {
		return series.stream().flatMap(s -> s.values().stream()).filter(v -> v != null).count();
	}

	private static String text(String value) {
		return HtmlUtils.htmlEscape(value);
	}

	/** A y axis from 0 in 1, 2 or 5 times a power of ten, four to six ticks high. */
	record Axis(double step, int ticks) {

		static Axis of(double max) {
			if (max <= 0) {
				return new Axis(1, 4);
			}
			double raw = max / 4;
			double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
			double step = magnitude;
			for (double factor : new double[] { 1, 2, 2.5, 5, 10 }) {
				if (factor * magnitude >= raw) {
					step = factor * magnitude;
					break;
				}
			}
			if (max >= 1 && step < 1) {
				step = 1;
			}
			return new Axis(step, (int) Math.ceil(max / step));
		}

	}

}
