package dev.phonehome.audit.pdf;

import java.io.IOException;
import java.io.InputStream;

import com.lowagie.text.pdf.BaseFont;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The lean cells of the long tables cut a value only where it cannot fit, and mark the cut: a reader of the PDF
 * must never take a shortened value for the whole one (audit.csv has it whole).
 */
class LeanCellFitTests {

	private static BaseFont dejaVuSans;

	@BeforeAll
	static void font() throws IOException {
		try (InputStream ttf = LeanCellFitTests.class
			.getResourceAsStream("/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf")) {
			dejaVuSans = BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
					ttf.readAllBytes(), null);
		}
	}

	@Test
	void valueThatFitsShouldBeDrawnWhole() {
		String origin = "VS Code (Visual Studio Code)";
		float room = dejaVuSans.getWidthPoint(origin, 6f);

		assertThat(AttachingPdfExporter.fit(origin, dejaVuSans, 6f, room)).isEqualTo(origin);
	}

	@Test
	void valueTooWideShouldBeCutAndEndWithAnEllipsisWithinTheColumn() {
		String origin = "JetBrains (IntelliJ IDEA Ultimate Edition, early access programme build)";
		float room = 100f;

		String shown = AttachingPdfExporter.fit(origin, dejaVuSans, 6f, room);

		assertThat(shown).endsWith("\u2026").hasSizeLessThan(origin.length());
		assertThat(origin).startsWith(shown.substring(0, shown.length() - 1));
		assertThat(dejaVuSans.getWidthPoint(shown, 6f)).isLessThanOrEqualTo(room);
	}

	@Test
	void lineBreaksInAValueShouldBecomeSpacesOnTheOneLine() {
		String shown = AttachingPdfExporter.fit("Team\r\nAlpha\nBeta", dejaVuSans, 6f, 500f);

		assertThat(shown).isEqualTo("Team Alpha Beta");
	}

	@Test
	void cachedWidthsShouldBeTheFontsOwn() {
		LeanFont font = new LeanFont(dejaVuSans);

		for (String text : new String[] { "elena.volkova@umbrella.example", "zoë@acme.example", "Ünïcödé ÅØ ß",
				"ΑΒΓ δεζ Кириллица", "日本語 \uD83D\uDE00 emoji", "" }) {
			// asked twice: the second answer comes from the cache
			font.width(text, 6f);
			assertThat(font.width(text, 6f)).as(text).isCloseTo(dejaVuSans.getWidthPoint(text, 6f), within(0.001f));
		}
		assertThat(font.ascent(6f)).isEqualTo(dejaVuSans.getFontDescriptor(BaseFont.ASCENT, 6f));
	}

}
