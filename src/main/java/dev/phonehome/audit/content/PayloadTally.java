package dev.phonehome.audit.content;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.phonehome.payload.EmailStatus;
import dev.phonehome.payload.PayloadCursor;
import dev.phonehome.payload.PayloadSection;

/**
 * The counts and totals of one payload, added up item by item while the payload streams past (the audit's
 * summary and charts), in memory bounded by the number of distinct plans, not by the number of items.
 */
public final class PayloadTally {

	private final long windowStart;

	private final long windowEnd;

	private final Set<String> decidingCompanyIds;

	private final Map<String, Object> header = new LinkedHashMap<>();

	private final Map<PayloadSection, Long> counts = new EnumMap<>(PayloadSection.class);

	private final Map<String, Long> companiesByPlan = new TreeMap<>();

	private final Map<String, String> decidingCompanyNames = new TreeMap<>();

	private final Map<EmailStatus, Long> emailStatuses = new EnumMap<>(EmailStatus.class);

	long deactivatedCompanies;

	long deactivatedTeams;

	long registeredUsers;

	long deactivatedUsers;

	long adminUsers;

	long activeUsers;

	long codemarks;

	long codemarksInReviews;

	long reviews;

	long replies;

	long reviewsCreatedInWindow;

	long reviewsApprovedInWindow;

	long reviewsOpen;

	public PayloadTally(long windowStart, long windowEnd, Set<String> decidingCompanyIds) {
		this.windowStart = windowStart;
		this.windowEnd = windowEnd;
		this.decidingCompanyIds = Set.copyOf(decidingCompanyIds);
		Arrays.stream(PayloadSection.values()).forEach(s -> counts.put(s, 0L));
		Arrays.stream(EmailStatus.values()).forEach(s -> emailStatuses.put(s, 0L));
	}

	/**
	 * The tally of a night's archived payload, in one streaming pass over the file: known before the audit's two
	 * documents are written (at the same time), since the PDF's cover and charts start with it.
	 */
	public static PayloadTally of(AuditInput input) {
		PayloadTally tally = new PayloadTally(input.windowStart(), input.windowEnd(),
				Set.copyOf(input.decisions().plan().decidingCompanies()));
		if (input.payload() != null) {
			try (PayloadCursor cursor = PayloadCursor.open(input.payload())) {
				tally.header(cursor.header());
				for (PayloadSection section; (section = cursor.section()) != null;) {
					for (Map<String, Object> item; (item = cursor.nextItem()) != null;) {
						tally.add(section, item);
					}
				}
			}
		}
		return tally;
	}

	public void header(Map<String, Object> header) {
		this.header.putAll(header);
	}

	public void add(PayloadSection section, Map<String, Object> item) {
		counts.merge(section, 1L, Long::sum);
		switch (section) {
			case COMPANIES -> {
				Object plan = item.get("plan");
				companiesByPlan.merge(plan == null ? "(no plan)" : plan.toString(), 1L, Long::sum);
				deactivatedCompanies += yes(item, "isDeactivated");
				if (decidingCompanyIds.contains(item.get("id"))) {
					decidingCompanyNames.put((String) item.get("id"), String.valueOf(item.get("name")));
				}
			}
			case TEAMS -> deactivatedTeams += yes(item, "isDeactivated");
			case USERS -> {
				emailStatuses.merge(EmailStatus.of(item), 1L, Long::sum);
				registeredUsers += yes(item, "isRegistered");
				deactivatedUsers += yes(item, "isDeactivated");
				adminUsers += yes(item, "isAdmin");
				long posts = count(item, "codemarks") + count(item, "codemarksInReviews") + count(item, "reviews")
						+ count(item, "replies");
				activeUsers += posts > 0 ? 1 : 0;
				codemarks += count(item, "codemarks");
				codemarksInReviews += count(item, "codemarksInReviews");
				reviews += count(item, "reviews");
				replies += count(item, "replies");
			}
			case CODE_REVIEWS -> {
				reviewsCreatedInWindow += inWindow(item.get("createdAt")) ? 1 : 0;
				reviewsApprovedInWindow += inWindow(item.get("approvedAt")) ? 1 : 0;
				reviewsOpen += item.get("approvedAt") == null ? 1 : 0;
			}
		}
	}

	public Map<String, Object> header() {
		return header;
	}

	public long count(PayloadSection section) {
		return counts.get(section);
	}

	@SuppressWarnings("unchecked")
	public List<String> integrations() {
		Object integrations = header.get("integrations");
		return integrations == null ? List.of() : (List<String>) integrations;
	}

	public Map<String, Long> companiesByPlan() {
		return companiesByPlan;
	}

	/** Names of the companies that made the installation paid, by id (only those found in the payload). */
	public Map<String, String> decidingCompanyNames() {
		return decidingCompanyNames;
	}

	public long users(EmailStatus status) {
		return emailStatuses.get(status);
	}

	public long deactivatedCompanies() {
		return deactivatedCompanies;
	}

	public long deactivatedTeams() {
		return deactivatedTeams;
	}

	public long registeredUsers() {
		return registeredUsers;
	}

	public long deactivatedUsers() {
		return deactivatedUsers;
	}

	public long adminUsers() {
		return adminUsers;
	}

	/** Users with at least one post counted in the night. */
	public long activeUsers() {
		return activeUsers;
	}

	public long codemarks() {
		return codemarks;
	}

	public long codemarksInReviews() {
		return codemarksInReviews;
	}

	public long reviews() {
		return reviews;
	}

	public long replies() {
		return replies;
	}

	public long reviewsCreatedInWindow() {
		return reviewsCreatedInWindow;
	}

	public long reviewsApprovedInWindow() {
		return reviewsApprovedInWindow;
	}

	public long reviewsOpen() {
		return reviewsOpen;
	}

	private boolean inWindow(Object millis) {
		if (millis == null) {
			return false;
		}
		long t = ((Number) millis).longValue();
		return windowStart <= t && t < windowEnd;
	}

	private static long yes(Map<String, Object> item, String field) {
		return Boolean.TRUE.equals(item.get(field)) ? 1 : 0;
	}

	private static long count(Map<String, Object> item, String field) {
		Object value = item.get(field);
		return value == null ? 0 : ((Number) value).longValue();
	}

}
