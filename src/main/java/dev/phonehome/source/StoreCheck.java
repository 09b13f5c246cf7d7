package dev.phonehome.source;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightWindow;
import dev.phonehome.record.SourceKind;

/**
 * Whether the night's data can be reported as the night's: the night has ended (by the application's clock), and
 * the store (when the night reads it rather than the live MongoDB, which is never stale) was imported after it.
 * The launcher refuses with it; decideNightStep records what it found.
 */
@Component
public class StoreCheck {

	private final SourceDecision source;

	private final StoreImports imports;

	private final StoreFreshnessProperties freshness;

	private final Clock clock;

	StoreCheck(SourceDecision source, StoreImports imports, StoreFreshnessProperties freshness, Clock clock) {
		this.source = source;
		this.imports = imports;
		this.freshness = freshness;
		this.clock = clock;
	}

	/** Whether the night (a UTC day) is over now. */
	public boolean dayEnded(NightWindow night) {
		return !clock.instant().isBefore(night.end());
	}

	/** Why the store is too old for the night; empty when it is new enough or the night reads the live MongoDB. */
	public Optional<String> staleness(NightWindow night) {
		if (source.kind() != SourceKind.EMBEDDED) {
			return Optional.empty();
		}
		return StoreFreshness.staleness(night, imports.latest(), freshness.staleMargin(), dayEnded(night));
	}

	/** The night's source as recorded: the decision, the store's import behind it, and what a reader must be told. */
	public NightRecord.DataSource recorded(NightWindow night, String description) {
		NightRecord.StoreData store = null;
		if (source.kind() == SourceKind.EMBEDDED) {
			String stale = staleness(night).orElse(null);
			store = imports.latest()
				.map(i -> new NightRecord.StoreData(i.importedAt().toString(), i.dumpFolder(), i.digestsLine(),
						i.newestCreatedAt() == null ? null : i.newestCreatedAt().toString(), stale))
				.orElse(stale == null ? null : new NightRecord.StoreData(NightRecord.StoreData.NEVER, "", "", null, stale));
		}
		return new NightRecord.DataSource(source.kind(), source.origin(), description, store, !dayEnded(night));
	}

}
