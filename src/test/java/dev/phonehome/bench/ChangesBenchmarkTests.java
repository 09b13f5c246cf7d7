package dev.phonehome.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diff of two 100,000-user nights with 1% changes, in a child JVM limited to {@code -Xmx256m}: it finds exactly
 * what the generator changed, and fits the heap (a comparison that needed more would fail). Its time is printed by
 * {@code ops/bench changes}, never asserted.
 */
class ChangesBenchmarkTests {

	@Test
	void diffOfTwo100kUserNightsShouldFindEveryChangeInside256MB(@TempDir Path work) throws Exception {
		// when
		ChangesBenchmark.Result result = ChangesBenchmark.run(100_000, 42, work, "256m", 1);

		// then
		assertThat(result.failures()).isZero();
		assertThat(result.found()).isEqualTo(result.expected());
		Map<String, Long> expected = result.expected();
		// about 1% of the users: 2 removed, 2 new and 6 changed per 1,000
		assertThat(expected.get("users.added") + expected.get("users.removed") + expected.get("users.changed"))
			.isBetween(900L, 1_100L);
		assertThat(expected.get("users.activityChanged")).isGreaterThan(30_000L);
		assertThat(expected.get("emails.firstTimeSent")).isPositive();
		assertThat(result.maxHeap()).isLessThanOrEqualTo(256L << 20);
		assertThat(result.peakHeap()).isPositive().isLessThan(result.maxHeap());
	}

	@Test
	void theSameSeedShouldMakeTheSameNights(@TempDir Path work) {
		Map<String, Long> first = new SyntheticNights(5_000, 7).write(work.resolve("a1"), work.resolve("b1"));
		Map<String, Long> again = new SyntheticNights(5_000, 7).write(work.resolve("a2"), work.resolve("b2"));

		assertThat(again).isEqualTo(first);
		assertThat(work.resolve("b2")).hasSameBinaryContentAs(work.resolve("b1"));
		assertThat(new SyntheticNights(5_000, 8).write(work.resolve("a3"), work.resolve("b3"))).isNotEqualTo(first);
	}

}
