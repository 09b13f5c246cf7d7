package dev.phonehome.audit.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/**
 * A long table's row is one text element holding its cells: each cell must land in its own column, whatever the
 * payload's text holds.
 */
class LeanRowTests {

	@Test
	void rowShouldGiveBackItsCellsInOrderWithNullsEmpty() {
		String row = LeanRow.join(12, "5f1e0000a1", null, "SENT", true, "");

		assertThat(LeanRow.cells(row)).containsExactly("12", "5f1e0000a1", "", "SENT", "true", "");
	}

	@Test
	void separatorInsideAValueShouldNotShiftTheFollowingColumns() {
		String row = LeanRow.join("a\u001Fb", "next");

		assertThat(LeanRow.cells(row)).containsExactly("a b", "next");
	}

	@Test
	void columnsShouldBeReadWithTheirFontAndAlignment() {
		assertThat(LeanRow.Column.parse("28 right, 92 mono, 126, 44 mono right")).containsExactly(
				new LeanRow.Column(28, false, true), new LeanRow.Column(92, true, false),
				new LeanRow.Column(126, false, false), new LeanRow.Column(44, true, true));
	}

	@Test
	void columnWithAnUnknownFlagShouldBeRefusedNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> LeanRow.Column.parse("28 rigth"))
			.withMessageContaining("unknown flag 'rigth'");
	}

}
