package dev.phonehome.changes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.phonehome.payload.EmailStatus;
import dev.phonehome.payload.PayloadSection;

/**
 * Compares one item with the baseline's item of the same id, field by field.
 *
 * <p>
 * A user's daily activity ({@code lastLogin} and the night's {@code codemarks}, {@code codemarksInReviews},
 * {@code reviews}, {@code replies}) changes every night by nature: it is counted apart ("activity changed") and
 * never makes a user CHANGED, or a million users would be listed every night. {@code lastOrigin} and
 * {@code lastOriginDetail} (which client the user last came from) change only when the user switches client, so
 * they count as fields.
 *
 * <p>
 * {@code email} is compared only when both payloads carry it (two free nights): a different address, or one added
 * or removed, is a field change. When only one of them carries it, the email decision changed for every user at
 * once; that is the decision's change, counted in the status transitions, not a change of each user.
 */
final class ItemComparison {

	static final Set<String> ACTIVITY = Set.of("lastLogin", "codemarks", "codemarksInReviews", "reviews", "replies");

	static final String EMAIL = "email";

	private ItemComparison() {
	}

	/** The fields that differ, activity aside, in tonight's field order (then any only the baseline had). */
	static List<FieldChange> fields(PayloadSection section, Map<String, Object> before, Map<String, Object> after) {
		// runs for every item of both nights: no allocation unless something differs
		List<FieldChange> changes = List.of();
		int shared = 0;
		for (Map.Entry<String, Object> field : after.entrySet()) {
			String name = field.getKey();
			Object was = before.get(name);
			if (was != null || before.containsKey(name)) {
				shared++;
			}
			if (!Objects.equals(was, field.getValue()) && compared(section, name, before, after)) {
				changes = add(changes, new FieldChange(name, was, field.getValue()));
			}
		}
		if (shared < before.size()) {
			for (Map.Entry<String, Object> field : before.entrySet()) {
				String name = field.getKey();
				if (!after.containsKey(name) && field.getValue() != null && compared(section, name, before, after)) {
					changes = add(changes, new FieldChange(name, field.getValue(), null));
				}
			}
		}
		return changes;
	}

	private static List<FieldChange> add(List<FieldChange> changes, FieldChange change) {
		List<FieldChange> more = changes.isEmpty() ? new ArrayList<>(2) : changes;
		more.add(change);
		return more;
	}

	static boolean activityChanged(PayloadSection section, Map<String, Object> before, Map<String, Object> after) {
		if (section != PayloadSection.USERS) {
			return false;
		}
		for (String name : ACTIVITY) {
			if (!Objects.equals(before.get(name), after.get(name))) {
				return true;
			}
		}
		return false;
	}

	private static boolean compared(PayloadSection section, String name, Map<String, Object> before,
			Map<String, Object> after) {
		if (section != PayloadSection.USERS) {
			return true;
		}
		return !ACTIVITY.contains(name) && (!name.equals(EMAIL) || (before.containsKey(EMAIL) && after.containsKey(EMAIL)));
	}

	/**
	 * Why tonight sends the user's address and the baseline did not; {@code null} when tonight sends none, or the
	 * baseline sent the same one.
	 *
	 * @param before the baseline's user; {@code null} for a new user
	 */
	static FirstTimeEmail.Reason firstTimeReason(Map<String, Object> before, Map<String, Object> after) {
		if (EmailStatus.of(after) != EmailStatus.SENT) {
			return null;
		}
		if (before == null) {
			return FirstTimeEmail.Reason.NEW_USER;
		}
		return switch (EmailStatus.of(before)) {
			case REDACTED_PAID_PLAN -> FirstTimeEmail.Reason.EMAILS_NOW_INCLUDED;
			case NO_EMAIL_ON_RECORD -> FirstTimeEmail.Reason.ADDRESS_ADDED;
			case SENT -> before.get(EMAIL).equals(after.get(EMAIL)) ? null : FirstTimeEmail.Reason.ADDRESS_CHANGED;
		};
	}

}
