package dev.phonehome.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import dev.phonehome.home.ArchiveCopies;
import dev.phonehome.home.PhoneHomeProperties;
import dev.phonehome.changes.ChangeSpool;
import dev.phonehome.changes.ChangesFormat;
import dev.phonehome.changes.ComparedNights;
import dev.phonehome.changes.NightChanges;
import dev.phonehome.changes.NightComparison;
import dev.phonehome.history.ArchivedPayload;
import dev.phonehome.history.NightHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code phonehome diff}: what changed between two archived nights. */
@Component
@Scope("prototype")
@Command(name = "diff", mixinStandardHelpOptions = true,
		header = "Shows what changed between two archived nights' payloads.",
		description = { "Compares the night's archived payload with an earlier night's (by default the latest earlier",
				"night that has one): header, email decision and plans, items new, removed and changed in each",
				"section (with the fields), users whose activity changed, addresses sent for the first time.",
				"Each night's payload is its latest completed run's (never a dry run's), checked against its record." },
		footerHeading = "%nExit codes:%n", footer = "${sys:phonehome.exit-codes}")
class DiffCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	HomeOption home;

	@Option(names = "--date", paramLabel = "YYYY-MM-DD", required = true, description = "the night to show")
	LocalDate date;

	@Option(names = "--against", paramLabel = "YYYY-MM-DD",
			description = "the earlier night to compare with (default: the latest earlier night with an archived payload)")
	LocalDate against;

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
			description = "table, csv or json (default: ${DEFAULT-VALUE})", converter = FormatConverter.class)
	ChangesFormat format;

	private final NightHistory history;

	private final PhoneHomeProperties properties;

	private final ArchiveCopies copies;

	DiffCommand(NightHistory history, PhoneHomeProperties properties, ArchiveCopies copies) {
		this.copies = copies;
		this.history = history;
		this.properties = properties;
	}

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		if (against != null && !against.isBefore(date)) {
			err.println("phonehome: --against " + against + " must be a night before --date " + date);
			return ExitCode.USAGE.code();
		}
		NavigableMap<LocalDate, ArchivedPayload> archived = history.archivedPayloads();
		ArchivedPayload tonight = archived.get(date);
		if (tonight == null) {
			err.println("phonehome: " + noPayload(date));
			return ExitCode.USAGE.code();
		}
		ArchivedPayload baseline = against != null ? archived.get(against)
				: archived.lowerEntry(date) == null ? null : archived.lowerEntry(date).getValue();
		if (against != null && baseline == null) {
			err.println("phonehome: " + noPayload(against));
			return ExitCode.USAGE.code();
		}
		try {
			if (baseline == null) {
				tonight.onThisNode(copies).intactPath();
				format.print(new ComparedNights(date, tonight.executionId(), null, null, null),
						NightChanges.withoutBaseline(date), null, out);
				return ExitCode.OK.code();
			}
			ComparedNights nights = new ComparedNights(date, tonight.executionId(), baseline.night(),
					baseline.executionId(), between(baseline.night(), archived));
			try (ChangeSpool spool = ChangeSpool.in(properties.workDirectory())) {
				NightChanges changes = NightComparison.compare(tonight.onThisNode(copies).intactPath(),
						baseline.onThisNode(copies).intactPath(), spool);
				format.print(nights, changes, spool, out);
			}
			return ExitCode.OK.code();
		}
		catch (ArchivedPayload.AlteredPayloadException ex) {
			err.println("phonehome: " + ex.getMessage());
			return ExitCode.VERIFY_MISMATCH.code();
		}
		catch (IllegalStateException | UncheckedIOException ex) {
			err.println("phonehome: cannot compare night " + date + ": " + ex.getMessage());
			return ExitCode.INTERNAL_ERROR.code();
		}
	}

	private static String noPayload(LocalDate night) {
		return "night " + night + " has no completed run with an archived payload (skipped, failed or never run; "
				+ "dry runs do not count); see 'history'";
	}

	/** What lies between the two nights, when they are not consecutive; {@code null} when they are. */
	private String between(LocalDate baseline, NavigableMap<LocalDate, ArchivedPayload> archived) {
		long nights = ChronoUnit.DAYS.between(baseline, date) - 1;
		if (nights == 0) {
			return null;
		}
		List<LocalDate> archivedBetween = List.copyOf(archived.subMap(baseline, false, date, false).keySet());
		String span = nights + (nights == 1 ? " night lies" : " nights lie") + " between " + baseline + " and " + date;
		if (archivedBetween.isEmpty()) {
			return "gap: " + span + ", none with an archived payload (skipped, failed or never run)";
		}
		return "not consecutive: " + span + ", " + archivedBetween.size() + " of them archived ("
				+ archivedBetween.stream().limit(5).map(LocalDate::toString).collect(Collectors.joining(", "))
				+ (archivedBetween.size() > 5 ? ", ..." : "") + ")";
	}

	static class FormatConverter implements ITypeConverter<ChangesFormat> {

		@Override
		public ChangesFormat convert(String value) {
			return ChangesFormat.valueOf(value.toUpperCase(Locale.ROOT));
		}

	}

}
