package dev.phonehome.record;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.phonehome.artefact.Artefact;

/**
 * What one execution of a night decided, produced and proved: the typed form of its execution context, built up
 * step by step (each part is {@code null} until the step that makes it has run) and stored by {@link NightRecords},
 * the only place that knows how it is written down. Never an email address or a secret.
 *
 * @param night the night (a UTC day) and its window
 * @param mode how the execution was asked for
 * @param rerun for a deliberate rerun of a completed night: which one, and what the night sent before
 * @param restartOf the failed (or dead) execution of the same night this one resumes; {@code null} for a first start
 * @param decisions what the night decided before reading anything else (decideNightStep)
 * @param payload the archived payload (assemblePayloadStep); {@code null} for a skipped night
 * @param delivery what became of the payload (deliverPayloadStep, updated when a later run delivers it)
 * @param changes what changed since the last night sent before it (compareNightStep); {@code null} before that
 * step, and for a skipped night
 * @param audit the audit documents (auditStep)
 * @param chain the execution's link in the record chain, made when it ended
 */
public record NightRecord(NightWindow night, RunMode mode, Rerun rerun, Long restartOf, Decisions decisions,
		Payload payload, Changes changes, Delivery delivery, Audit audit, ChainLink chain) {

	/** A new execution's record: its identity only. */
	public static NightRecord start(LocalDate night, RunMode mode, Rerun rerun) {
		return new NightRecord(NightWindow.of(night), mode, rerun, null, null, null, null, null, null, null);
	}

	public LocalDate date() {
		return night.night();
	}

	/** A paid installation switched the phone home off: nothing was read beyond the plans, nothing sent. */
	public boolean skipped() {
		return decisions != null && decisions.switchOff().decision().skipsTheNight();
	}

	/** Whether this execution resumed a failed one ("restart"), as opposed to a deliberate rerun. */
	public boolean restart() {
		return restartOf != null;
	}

	/**
	 * How the execution is named everywhere (run summary, history, audit): "nightly", "manual", "dry run",
	 * "rerun 2 of 2026-11-20"; "restart (manual)" when it resumed a failed execution; "skipped (nightly)" when a paid
	 * installation switched the phone home off.
	 */
	public String runLabel() {
		String label = mode == RunMode.RERUN && rerun != null ? "rerun " + rerun.number() + " of " + date()
				: mode.label();
		label = restart() ? "restart (" + label + ")" : label;
		return skipped() ? "skipped (" + label + ")" : label;
	}

	/** What became of the payload, in words; for a night that never reached its delivery step, why. */
	public String deliveryText() {
		if (delivery != null) {
			return delivery.describe();
		}
		return skipped() ? "nothing to send (skipped)" : "not queued: the execution ended before its delivery step";
	}

	public NightRecord withRestartOf(Long failedExecution) {
		return new NightRecord(night, mode, rerun, failedExecution, decisions, payload, changes, delivery, audit, chain);
	}

	public NightRecord withDecisions(Decisions decided) {
		return new NightRecord(night, mode, rerun, restartOf, decided, payload, changes, delivery, audit, chain);
	}

	public NightRecord withPayload(Payload archived) {
		return new NightRecord(night, mode, rerun, restartOf, decisions, archived, changes, delivery, audit, chain);
	}

	public NightRecord withChanges(Changes compared) {
		return new NightRecord(night, mode, rerun, restartOf, decisions, payload, compared, delivery, audit, chain);
	}

	public NightRecord withDelivery(Delivery delivered) {
		return new NightRecord(night, mode, rerun, restartOf, decisions, payload, changes, delivered, audit, chain);
	}

	public NightRecord withAudit(Audit audited) {
		return new NightRecord(night, mode, rerun, restartOf, decisions, payload, changes, delivery, audited, chain);
	}

	public NightRecord withChain(ChainLink link) {
		return new NightRecord(night, mode, rerun, restartOf, decisions, payload, changes, delivery, audit, link);
	}

	/** A deliberate rerun of a completed night: never sent, since the night goes out once. */
	public record Rerun(long number, String previousSha256) {
	}

	/**
	 * Everything {@code decideNightStep} settles from the services config, the release and the companies' plans.
	 *
	 * @param source where the installation's data is read from
	 * @param config where the services config was read from
	 */
	public record Decisions(DataSource source, ConfigSource config, Installation installation, PlanDecision plan,
			EmailDecision emails, SwitchOff switchOff, InstanceSettings settings, DeliveryTarget target) {
	}

	/**
	 * Where the night's data was read, decided once when phonehome started.
	 *
	 * @param description the one sentence shown everywhere ("live MongoDB from storage.mongo.url of ..., database
	 * codestream"); never with a password
	 */
	public record DataSource(SourceKind kind, SourceOrigin origin, String description, StoreData store,
			boolean dayIncomplete) {

		/** A source read over a whole night, with no store import behind it (a live MongoDB). */
		public DataSource(SourceKind kind, SourceOrigin origin, String description) {
			this(kind, origin, description, null, false);
		}

		/**
		 * What a reader of the summary and the audit cover must be told about the data before anything else:
		 * a store older than the night (run with {@code --allow-stale-store}), a day read before it ended.
		 */
		public List<String> caveats() {
			List<String> caveats = new java.util.ArrayList<>();
			if (store != null && store.staleness() != null) {
				caveats.add("STALE STORE (run with --allow-stale-store): " + store.staleness()
						+ "; the payload reports the installation as it was then, not as of the night");
			}
			if (dayIncomplete) {
				caveats.add("INCOMPLETE DAY: the night had not ended when its data was read (a dry run); its "
						+ "activity covers only part of the day");
			}
			return caveats;
		}

	}

	/**
	 * The store's import the night read (embedded or PostgreSQL store only).
	 *
	 * @param importedAt ISO-8601 UTC instant the import was published
	 * @param dumpFolder the dump folder it was read from
	 * @param fileDigests {@code name=sha256,...} of the dump's files
	 * @param newestCreatedAt ISO-8601 UTC instant of the newest {@code createdAt} imported; {@code null} if none
	 * @param staleness why the store was older than the night, when it was (the night then ran only because
	 * {@code --allow-stale-store} said so); {@code null} when it was new enough
	 */
	public record StoreData(String importedAt, String dumpFolder, String fileDigests, String newestCreatedAt,
			String staleness) {

		/** {@link #importedAt()} of a store that has no recorded import. */
		public static final String NEVER = "never";

		/** One line: when and from where the store's data was imported. */
		public String describe() {
			if (NEVER.equals(importedAt)) {
				return "no recorded import";
			}
			return "imported " + importedAt + " from " + dumpFolder
					+ (newestCreatedAt == null ? "" : " (newest createdAt " + newestCreatedAt + ")");
		}

	}

	/**
	 * Where the services config was read: a file, or the document of a MongoDB ({@code structuredConfiguration}).
	 *
	 * @param where the file's path, or the MongoDB's URI with its credentials masked
	 * @param serialNumber the document's {@code _id}; {@code null} for a file
	 * @param revision the document's revision; {@code null} for a file, or when it has none
	 */
	public record ConfigSource(String where, String serialNumber, Long revision) {
	}

	public record Installation(String id, String version) {
	}

	/**
	 * The email rule's reading of the companies' plans.
	 *
	 * @param paid at least one company (deactivated ones included) is on a paid or an unknown plan
	 * @param planCounts companies per plan, {@code "none"} for no plan, in plan order
	 * @param decidingCompanies the ids of the companies that made the installation paid
	 * @param unknownPlans plan values outside the known ones (treated as paid)
	 */
	public record PlanDecision(boolean paid, Map<String, Integer> planCounts, List<String> decidingCompanies,
			List<String> unknownPlans) {

		public PlanDecision {
			planCounts = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(planCounts));
			decidingCompanies = List.copyOf(decidingCompanies);
			unknownPlans = List.copyOf(unknownPlans);
		}

	}

	/** Whether users' addresses are sent, and the one sentence that says why. */
	public record EmailDecision(boolean included, String reason) {
	}

	/** {@code apiServer.disablePhoneHome}: whether it was set, and what the night did with it. */
	public record SwitchOff(boolean set, SwitchOffDecision decision) {

		public String reason() {
			return decision.reason();
		}

	}

	/** The instance settings the payload and the audit report. */
	public record InstanceSettings(boolean eventTelemetry, boolean outboundEmail, boolean slackInteractiveComponents) {
	}

	/**
	 * Where the payload goes, safe to show: the URL without credentials or query, and which config key (or
	 * variable) the phone-home key came from; never the key.
	 */
	public record DeliveryTarget(String url, String keySource) {
	}

	/**
	 * The archived payload.
	 *
	 * @param directory the execution's artefact folder
	 * @param integrations the providers the payload names, sorted
	 */
	public record Payload(String directory, Artefact file, SectionCounts counts, List<String> integrations) {

		public Payload {
			integrations = List.copyOf(integrations);
		}

	}

	/**
	 * What changed in the payload since the night sent before it (the baseline), as counts and digests: never an
	 * address, never a value. The item lists (which may hold addresses) are recomputed from the two archived payloads
	 * when the audit is written, and checked against {@code sha256}.
	 *
	 * @param baselineNight the night compared with; {@code null} for the first night, or when no earlier night was
	 * (or will be) sent
	 * @param baselineExecution the execution that archived the baseline payload
	 * @param baselinePayload the baseline payload file and its recorded digest
	 * @param summary the one line the run summary and the history show
	 * @param note what the reader must know about the baseline (first night, a gap, a baseline that no longer
	 * matches its record), or {@code null}
	 * @param sections per payload section: added, removed, changed, unchanged
	 * @param activityChanged users whose daily activity alone changed
	 * @param firstTimeEmails users whose address is sent for the first time
	 * @param emailsIncludedBefore the email decision of the baseline; {@code null} without a baseline
	 * @param sha256 the digest of the item-level changes ({@code NightChanges.sha256}); {@code null} without a
	 * baseline
	 */
	public record Changes(java.time.LocalDate baselineNight, Long baselineExecution, Artefact baselinePayload,
			String summary, String note, Map<String, ChangeCounts> sections, long activityChanged,
			long firstTimeEmails, Boolean emailsIncludedBefore, List<String> integrationsAdded,
			List<String> integrationsRemoved, String sha256) {

		public Changes {
			sections = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sections));
			integrationsAdded = List.copyOf(integrationsAdded);
			integrationsRemoved = List.copyOf(integrationsRemoved);
		}

		public boolean hasBaseline() {
			return baselineNight != null;
		}

		/** The same changes, their baseline's payload read from {@code payload} (this node's copy of it). */
		public Changes withBaselinePayload(Artefact payload) {
			return new Changes(baselineNight, baselineExecution, payload, summary, note, sections, activityChanged,
					firstTimeEmails, emailsIncludedBefore, integrationsAdded, integrationsRemoved, sha256);
		}

	}

	/** One payload section against the baseline's. */
	public record ChangeCounts(long added, long removed, long changed, long unchanged) {
	}

	/** Items per payload section. */
	public record SectionCounts(long companies, long teams, long users, long codeReviews) {
	}

	/**
	 * What became of the night's payload, as known when it was last written.
	 *
	 * @param deliveredAt ISO-8601 UTC instant of the confirming HTTP 200, or {@code null}
	 * @param problem why it is not delivered yet (the last failure, or what the config lacks); no secret
	 * @param backlogPending queued nights (this one included) the execution found pending and left pending
	 */
	public record Delivery(DeliveryStatus status, String deliveredAt, Integer httpStatus, int attempts,
			String idempotencyKey, String problem, int backlogPending) {

		public static Delivery notSent(DeliveryStatus status) {
			return new Delivery(status, null, null, 0, null, null, 0);
		}

		public Delivery withBacklogPending(int pending) {
			return new Delivery(status, deliveredAt, httpStatus, attempts, idempotencyKey, problem, pending);
		}

		public Delivery withProblem(DeliveryStatus newStatus, String why) {
			return new Delivery(newStatus, deliveredAt, httpStatus, attempts, idempotencyKey, why, backlogPending);
		}

		/** Whether the run left its night (or an older one) undelivered. */
		public boolean owed() {
			return status.owed() || backlogPending > 0;
		}

		/** One line for the run summary, the history and the audit. */
		public String describe() {
			String line = switch (status) {
				case DELIVERED -> "delivered " + deliveredAt + " (HTTP " + httpStatus + ", " + attemptsText() + ")";
				case PENDING -> "PENDING: not confirmed after " + attemptsText() + problemText()
						+ "; queued, the next run sends it first";
				case NOT_CONFIGURED -> "NOT_CONFIGURED: queued, not sent" + problemText();
				case REFUSED -> "REFUSED by the receiver after " + attemptsText() + problemText()
						+ "; set aside, later nights are sent; re-queue it with 'phonehome requeue --date "
						+ "NIGHT' once the cause is fixed";
				case NOT_SENT_DRY_RUN -> "not sent (dry run)";
				case NOT_SENT_RERUN -> "not sent (a rerun: the night goes out once, with its own run)";
				case HELD -> "HELD for approval, not queued, not sent" + problemText();
				case REJECTED -> "REJECTED: kept archived, never sent" + problemText();
			};
			int older = backlogPending - (status.owed() ? 1 : 0);
			return older > 0 ? line + "; " + older + " older night(s) still queued" : line;
		}

		private String attemptsText() {
			return attempts + (attempts == 1 ? " attempt" : " attempts");
		}

		private String problemText() {
			return problem == null ? "" : " (" + problem + ")";
		}

	}

	/** The two audit documents. */
	public record Audit(Artefact pdf, Artefact csv) {
	}

	/** The execution's link in the record chain: the digest of the record before it, and of its own. */
	public record ChainLink(String previousDigest, String digest) {
	}

}
