package dev.phonehome.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What kind of data leaves with a night: whether users' addresses are included, the payload's field set (the
 * contract's fingerprint), the integrations it names, and the installation's version.
 */
public record NightScope(boolean emailsIncluded, String contract, List<String> integrations, String version) {

	public NightScope {
		integrations = List.copyOf(new TreeSet<>(integrations));
	}

	/** A difference from an approved scope, and the words that say it. */
	public record Difference(ScopeChange change, String words) {
	}

	/** How this scope differs from {@code approved} ({@code null}: none was ever approved). */
	public List<Difference> differencesFrom(NightScope approved) {
		List<Difference> differences = new ArrayList<>();
		if (approved == null) {
			differences.add(new Difference(ScopeChange.FIRST_NIGHT, "no scope was approved before (first night)"));
			return differences;
		}
		if (emailsIncluded && !approved.emailsIncluded) {
			differences.add(new Difference(ScopeChange.EMAILS_ON, "users' email addresses are included again"));
		}
		if (!contract.equals(approved.contract)) {
			differences.add(new Difference(ScopeChange.FIELDS,
					"the payload's field set changed (contract " + approved.contract + " -> " + contract + ")"));
		}
		if (!integrations.equals(approved.integrations)) {
			TreeSet<String> added = new TreeSet<>(integrations);
			added.removeAll(approved.integrations);
			TreeSet<String> removed = new TreeSet<>(approved.integrations);
			removed.removeAll(integrations);
			differences.add(new Difference(ScopeChange.INTEGRATIONS, "integrations changed"
					+ (added.isEmpty() ? "" : " (added " + String.join(", ", added) + ")")
					+ (removed.isEmpty() ? "" : " (removed " + String.join(", ", removed) + ")")));
		}
		if (!version.equals(approved.version)) {
			differences.add(new Difference(ScopeChange.VERSION,
					"the installation's version changed (" + approved.version + " -> " + version + ")"));
		}
		return differences;
	}

}
