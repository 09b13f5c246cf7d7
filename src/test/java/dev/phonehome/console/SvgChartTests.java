package dev.phonehome.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.phonehome.console.trends.SvgChart;
import dev.phonehome.console.trends.SvgChart.Kind;
import dev.phonehome.console.trends.SvgChart.Series;

/** The trend charts are drawn on the server: what the SVG says must be what the figures say. */
class SvgChartTests {

	private static final List<String> NIGHTS = List.of("2026-11-18", "2026-11-19", "2026-11-20");

	@Test
	void lineShouldBreakWhereANightHasNoFigure() {
		// when
		String svg = SvgChart.draw(Kind.LINES, "c", "Users", "users per night", NIGHTS,
				List.of(new Series("users", Arrays.asList(50.0, null, 52.0))), v -> String.valueOf((long) v));

		// then: two points, two separate strokes, named in their tooltips
		assertThat(svg).contains("data-points=\"2\"").contains("<title>users, 2026-11-20: 52</title>");
		assertThat(svg.split("<circle", -1)).hasSize(3);
		String path = svg.replaceAll("(?s).*<path class=\"series\" d=\"([^\"]*)\".*", "$1");
		assertThat(path).startsWith("M").contains(" M").doesNotContain("L");
	}

	@Test
	void stackedBarsShouldStackEachNightsSeries() {
		// when
		String svg = SvgChart.draw(Kind.STACKED_BARS, "e", "Emails", "per night", NIGHTS,
				List.of(new Series("sent", List.of(48.0, 48.0, 0.0)), new Series("redacted", List.of(0.0, 0.0, 50.0))),
				v -> String.valueOf((long) v));

		// then: a bar per non-zero figure, and the axis reaches the tallest stack
		assertThat(svg.split("<rect class=\"series\"", -1)).hasSize(4);
		assertThat(svg).contains(">60<").contains("<title>redacted, 2026-11-20: 50</title>");
	}

	@Test
	void textsShouldBeEscaped() {
		// when
		String svg = SvgChart.draw(Kind.LINES, "x", "<b>title</b>", "a & b", NIGHTS,
				List.of(new Series("<script>alert(1)</script>", List.of(1.0, 2.0, 3.0))), String::valueOf);

		// then
		assertThat(svg).doesNotContain("<script>", "<b>").contains("&lt;script&gt;", "a &amp; b");
	}

}
