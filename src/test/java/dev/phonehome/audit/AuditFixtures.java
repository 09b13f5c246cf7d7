package dev.phonehome.audit;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import dev.phonehome.artefact.Artefact;
import dev.phonehome.artefact.ArtefactWriter;
import dev.phonehome.job.NightFacts;
import dev.phonehome.job.RunMode;
import dev.phonehome.payload.PayloadSection;
import dev.phonehome.source.NightWindow;

/** Audit inputs for the renderer's own tests: a payload file plus the facts an execution would have recorded. */
final class AuditFixtures {

	static final Path FREE_PAYLOAD = Path.of("src/test/resources/golden/demo-free-2026-11-20.payload.json");

	static final Path PAID_PAYLOAD = Path.of("src/test/resources/golden/demo-paid-2026-11-20.payload.json");

	static final LocalDate NIGHT = LocalDate.parse("2026-11-20");

	private AuditFixtures() {
	}

	static ExecutionContext decidedFacts(boolean paid, RunMode mode) {
		NightWindow window = NightWindow.of(NIGHT);
		ExecutionContext facts = new ExecutionContext();
		facts.putString(NightFacts.NIGHT, NIGHT.toString());
		facts.putLong(NightFacts.WINDOW_START, window.startMillis());
		facts.putLong(NightFacts.WINDOW_END, window.endMillis());
		facts.putString(NightFacts.MODE, mode.name());
		facts.putString(NightFacts.SOURCE, "embedded store");
		facts.putString(NightFacts.INSTALLATION_ID, "83a8de00-88ac-11f0-9d4e-0242ac120003");
		facts.putString(NightFacts.INSTALLATION_VERSION, "8.2.26");
		facts.put(NightFacts.PAID, paid);
		facts.putString(NightFacts.PLAN_COUNTS,
				paid ? "14DAYTRIAL=1, BUSINESS=1, TRIALEXPIRED=1, none=1" : "14DAYTRIAL=1, FREEPLAN=1, TRIALEXPIRED=1, none=1");
		facts.putString(NightFacts.DECIDING_COMPANIES, paid ? "69174d665f1ab2c3d43a17ce" : "");
		facts.putString(NightFacts.UNKNOWN_PLANS, "");
		facts.put(NightFacts.EMAILS_INCLUDED, !paid);
		facts.putString(NightFacts.EMAILS_REASON, paid
				? "emails redacted: paid installation, company 69174d665f1ab2c3d43a17ce is on the paid plan BUSINESS"
				: "emails included: free or trial installation, none of its 4 companies is on a paid plan (BUSINESS, ENTERPRISE)");
		facts.put(NightFacts.DISABLE_SETTING, false);
		facts.putString(NightFacts.DISABLE_DECISION, "NOT_SET");
		facts.putString(NightFacts.DISABLE_REASON, "apiServer.disablePhoneHome is not set: the phone home runs");
		facts.put(NightFacts.EVENT_TELEMETRY, true);
		facts.put(NightFacts.OUTBOUND_EMAIL, true);
		facts.put(NightFacts.SLACK_INTERACTIVE, true);
		facts.putString(NightFacts.DELIVERY_URL, "http://127.0.0.1:12089/phone-home");
		facts.putString(NightFacts.DELIVERY_KEY_SOURCE, "universalSecrets.telemetry");
		facts.put(NightFacts.SKIPPED, false);
		return facts;
	}

	/** The facts after {@code assemblePayloadStep} archived {@code payload}. */
	static AuditInput archived(Path payload, boolean paid, RunMode mode, long users) {
		ExecutionContext facts = decidedFacts(paid, mode);
		Artefact archived = ArtefactWriter.describe(payload);
		facts.putString(NightFacts.PAYLOAD_PATH, archived.path().toString());
		facts.putLong(NightFacts.PAYLOAD_SIZE, archived.size());
		facts.putString(NightFacts.PAYLOAD_SHA256, archived.sha256());
		facts.putLong(NightFacts.PAYLOAD_COUNT + PayloadSection.USERS.key(), users);
		return new AuditInput(archived.path(), facts, 42, mode, false);
	}

	static AuditInput skipped() {
		ExecutionContext facts = decidedFacts(true, RunMode.NIGHTLY);
		facts.put(NightFacts.DISABLE_SETTING, true);
		facts.putString(NightFacts.DISABLE_DECISION, "HONOURED");
		String reason = "apiServer.disablePhoneHome is set and the installation is paid: the night is skipped, nothing is collected or sent";
		facts.putString(NightFacts.DISABLE_REASON, reason);
		facts.put(NightFacts.SKIPPED, true);
		facts.putString(NightFacts.SKIP_REASON, reason);
		return new AuditInput(null, facts, 43, RunMode.NIGHTLY, false);
	}

}
