package dev.phonehome.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import dev.phonehome.changes.ChangeListener;
import dev.phonehome.changes.FirstTimeEmail;
import dev.phonehome.changes.ItemChange;
import dev.phonehome.changes.NightChanges;
import dev.phonehome.changes.NightComparison;
import dev.phonehome.changes.SectionChanges;
import dev.phonehome.payload.PayloadCursor;
import dev.phonehome.payload.PayloadSection;

/**
 * The changes benchmark's child JVM: {@code diff BEFORE TONIGHT RESULT} compares the two payloads (a listener that
 * only counts, as the night's record would need); {@code floor BEFORE TONIGHT RESULT} only parses both, item by
 * item, with the same streaming reader: the least any comparison of the two files costs. Writes the time, the
 * items read, what was found and the memory peaks to RESULT (properties).
 */
public final class ChangesProbe {

	private ChangesProbe() {
	}

	public static void main(String[] args) throws IOException {
		ProcessPeaks peaks = ProcessPeaks.start();
		Path before = Path.of(args[1]);
		Path tonight = Path.of(args[2]);
		Path result = Path.of(args[3]);
		Properties found = new Properties();
		long start = System.nanoTime();
		if (args[0].equals("diff")) {
			Counter counter = new Counter();
			NightChanges changes = NightComparison.compare(tonight, before, counter);
			for (SectionChanges s : changes.sections()) {
				found.setProperty(s.section() + ".added", Long.toString(s.added()));
				found.setProperty(s.section() + ".removed", Long.toString(s.removed()));
				found.setProperty(s.section() + ".changed", Long.toString(s.changed()));
				found.setProperty(s.section() + ".unchanged", Long.toString(s.unchanged()));
			}
			found.setProperty("users.activityChanged", Long.toString(changes.section("users").activityChanged()));
			found.setProperty("emails.firstTimeSent", Long.toString(changes.emails().firstTimeSent()));
			found.setProperty("listener.items", Long.toString(counter.items));
			found.setProperty("listener.emails", Long.toString(counter.emails));
			// every item of both payloads was read once: the matched ones twice, the others once
			found.setProperty("items", Long.toString(changes.sections()
				.stream()
				.mapToLong(s -> 2 * (s.changed() + s.unchanged()) + s.added() + s.removed())
				.sum()));
		}
		else {
			found.setProperty("items", Long.toString(parse(before) + parse(tonight)));
		}
		found.setProperty("millis", Long.toString((System.nanoTime() - start) / 1_000_000));
		Path peaksFile = Path.of(result + ".peaks");
		peaks.writeTo(peaksFile);
		try (var in = Files.newInputStream(peaksFile)) {
			found.load(in);
		}
		try (OutputStream out = Files.newOutputStream(result)) {
			found.store(out, "changes probe " + args[0]);
		}
	}

	/** Reads every item of a payload and keeps none: the floor. */
	private static long parse(Path payload) {
		long items = 0;
		try (PayloadCursor cursor = PayloadCursor.open(payload)) {
			cursor.header();
			for (PayloadSection s; (s = cursor.section()) != null;) {
				if (cursor.nextItem() != null) {
					items++;
				}
			}
		}
		return items;
	}

	/** Counts what a listener is given, and keeps nothing. */
	private static final class Counter implements ChangeListener {

		long items;

		long emails;

		@Override
		public void itemChanged(ItemChange change) {
			items++;
		}

		@Override
		public void emailSentFirstTime(FirstTimeEmail email) {
			emails++;
		}

	}

}
