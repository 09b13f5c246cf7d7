package dev.phonehome.changes;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the users' addresses changed: counts only (the addresses themselves go to a {@link ChangeListener}).
 *
 * @param firstTimeSent users whose address tonight's payload sends and the baseline's did not
 * @param firstTimeByReason the same, by {@link FirstTimeEmail.Reason}
 * @param statusChanges users in both nights whose email status changed, by transition
 * ({@code "NO_EMAIL_ON_RECORD -> SENT"}); statuses as in the audit: SENT, REDACTED_PAID_PLAN, NO_EMAIL_ON_RECORD
 */
public record EmailChanges(long firstTimeSent, Map<String, Long> firstTimeByReason, Map<String, Long> statusChanges) {

	public EmailChanges {
		firstTimeByReason = Collections.unmodifiableMap(new TreeMap<>(firstTimeByReason));
		statusChanges = Collections.unmodifiableMap(new TreeMap<>(statusChanges));
	}

}
