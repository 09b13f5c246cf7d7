package dev.phonehome.source;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.phonehome.record.NightWindow;

/**
 * The rule that keeps a stale store from being reported as live: the store's import (plus the margin) must come
 * after the night ended, or, for a night that has not ended yet (only a dry run reads one), after it began.
 */
public final class StoreFreshness {

	private StoreFreshness() {
	}

	/**
	 * Why the store is too old for the night, in one sentence without secrets; empty when it is new enough.
	 *
	 * @param imported the store's last import; empty when the store has never recorded one
	 * @param dayEnded whether the night had ended when it is read
	 */
	public static Optional<String> staleness(NightWindow night, Optional<StoreImport> imported, Duration margin,
			boolean dayEnded) {
		Instant mustCover = Instant.ofEpochMilli(dayEnded ? night.endMillis() : night.startMillis());
		if (imported.isEmpty()) {
			return Optional.of("the store holds no recorded import (it was never loaded with 'phonehome import', or "
					+ "by a version that did not record it), so how old its data is cannot be told");
		}
		Instant until = imported.get().importedAt().plus(margin);
		if (!until.isBefore(mustCover)) {
			return Optional.empty();
		}
		return Optional.of("the store's data was imported at " + imported.get().importedAt() + " from "
				+ imported.get().dumpFolder() + ", before the night " + (dayEnded ? "ended" : "began") + " ("
				+ mustCover + ")" + (margin.isZero() ? "" : " by more than phonehome.source.stale-margin=" + margin));
	}

}
