package dev.phonehome.changes;

import java.util.Map;
import java.util.TreeMap;

import dev.phonehome.payload.EmailStatus;

/** Counts of the users' email changes; at most 4 reasons and 6 transitions, whatever the number of users. */
final class EmailTally {

	private long firstTimeSent;

	private final Map<String, Long> firstTimeByReason = new TreeMap<>();

	private final Map<String, Long> statusChanges = new TreeMap<>();

	void firstTime(FirstTimeEmail.Reason reason) {
		firstTimeSent++;
		firstTimeByReason.merge(reason.name(), 1L, Long::sum);
	}

	void status(EmailStatus before, EmailStatus after) {
		if (before != after) {
			statusChanges.merge(before + " -> " + after, 1L, Long::sum);
		}
	}

	EmailChanges toChanges() {
		return new EmailChanges(firstTimeSent, firstTimeByReason, statusChanges);
	}

}
