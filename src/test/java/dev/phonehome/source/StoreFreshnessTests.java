package dev.phonehome.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.phonehome.record.NightWindow;

/** The stale-store rule at its edges: the import against the night's end (or start), with and without a margin. */
class StoreFreshnessTests {

	private static final NightWindow NIGHT = NightWindow.of(LocalDate.of(2026, 11, 20));

	private static Optional<StoreImport> importedAt(String instant) {
		return Optional.of(new StoreImport(Instant.parse(instant), "/dumps/2026-11-21", Map.of(), null));
	}

	@Test
	void importAtOrAfterTheNightsEndShouldBeFresh() {
		assertThat(StoreFreshness.staleness(NIGHT, importedAt("2026-11-21T00:00:00Z"), Duration.ZERO, true)).isEmpty();
		assertThat(StoreFreshness.staleness(NIGHT, importedAt("2026-12-01T00:00:00Z"), Duration.ZERO, true)).isEmpty();
	}

	@Test
	void importBeforeTheNightsEndShouldBeStaleNamingWhenAndFromWhere() {
		assertThat(StoreFreshness.staleness(NIGHT, importedAt("2026-11-20T23:59:59Z"), Duration.ZERO, true))
			.hasValueSatisfying(why -> assertThat(why).contains("2026-11-20T23:59:59Z")
				.contains("/dumps/2026-11-21")
				.contains("before the night ended (2026-11-21T00:00:00Z)"));
	}

	@Test
	void marginShouldLetAnOlderImportServe() {
		Optional<StoreImport> twoDaysBefore = importedAt("2026-11-19T00:00:00Z");
		assertThat(StoreFreshness.staleness(NIGHT, twoDaysBefore, Duration.ofDays(2), true)).isEmpty();
		assertThat(StoreFreshness.staleness(NIGHT, twoDaysBefore, Duration.ofDays(1), true))
			.hasValueSatisfying(why -> assertThat(why).contains("phonehome.source.stale-margin=PT24H"));
	}

	@Test
	void unfinishedNightShouldNeedAnImportAfterItBegan() {
		assertThat(StoreFreshness.staleness(NIGHT, importedAt("2026-11-20T08:00:00Z"), Duration.ZERO, false)).isEmpty();
		assertThat(StoreFreshness.staleness(NIGHT, importedAt("2026-11-19T23:00:00Z"), Duration.ZERO, false))
			.hasValueSatisfying(why -> assertThat(why).contains("before the night began"));
	}

	@Test
	void storeWithoutARecordedImportShouldBeStale() {
		assertThat(StoreFreshness.staleness(NIGHT, Optional.empty(), Duration.ofDays(3650), true))
			.hasValueSatisfying(why -> assertThat(why).contains("no recorded import"));
	}

}
