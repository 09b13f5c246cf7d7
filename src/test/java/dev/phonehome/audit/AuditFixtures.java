package dev.phonehome.audit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.phonehome.audit.content.AuditInput;
import dev.phonehome.artefact.Artefact;
import dev.phonehome.artefact.ArtefactWriter;
import dev.phonehome.record.DeliveryStatus;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.RunMode;
import dev.phonehome.record.SourceKind;
import dev.phonehome.record.SourceOrigin;
import dev.phonehome.record.SwitchOffDecision;

/** Audit inputs for the renderer's own tests: a payload file plus the record an execution would have written. */
final class AuditFixtures {

	static final Path FREE_PAYLOAD = Path.of("src/test/resources/golden/demo-free-2026-11-20.payload.json");

	static final Path PAID_PAYLOAD = Path.of("src/test/resources/golden/demo-paid-2026-11-20.payload.json");

	static final LocalDate NIGHT = LocalDate.parse("2026-11-20");

	private AuditFixtures() {
	}

	static NightRecord.Decisions decisions(boolean paid, SwitchOffDecision switchOff) {
		return new NightRecord.Decisions(
				new NightRecord.DataSource(SourceKind.EMBEDDED, SourceOrigin.DEFAULT, "embedded store (nothing else configured)"),
				new NightRecord.ConfigSource("/etc/codestream/codestream-services-config.json", null, null),
				new NightRecord.Installation("83a8de00-88ac-11f0-9d4e-0242ac120003", "8.2.26"),
				new NightRecord.PlanDecision(paid,
						paid ? Map.of("14DAYTRIAL", 1, "BUSINESS", 1, "TRIALEXPIRED", 1, "none", 1)
								: Map.of("14DAYTRIAL", 1, "FREEPLAN", 1, "TRIALEXPIRED", 1, "none", 1),
						paid ? List.of("69174d665f1ab2c3d43a17ce") : List.of(), List.of()),
				new NightRecord.EmailDecision(!paid, paid
						? "emails redacted: paid installation, company 69174d665f1ab2c3d43a17ce is on the paid plan BUSINESS"
						: "emails included: free or trial installation, none of its 4 companies is on a paid plan (BUSINESS, ENTERPRISE)"),
				new NightRecord.SwitchOff(switchOff != SwitchOffDecision.NOT_SET, switchOff),
				new NightRecord.InstanceSettings(true, true, true),
				new NightRecord.DeliveryTarget("http://127.0.0.1:12089/phone-home", "universalSecrets.telemetry"));
	}

	static NightRecord decided(boolean paid, RunMode mode) {
		return NightRecord.start(NIGHT, mode, mode == RunMode.RERUN ? new NightRecord.Rerun(1, "") : null)
			.withDecisions(decisions(paid, SwitchOffDecision.NOT_SET));
	}

	/** The record after {@code assemblePayloadStep} archived {@code payload} (and, but for a dry run, queued it). */
	static AuditInput archived(Path payload, boolean paid, RunMode mode, long users) {
		Artefact archived = ArtefactWriter.describe(payload);
		NightRecord record = decided(paid, mode).withPayload(new NightRecord.Payload(archived.path().getParent().toString(),
				archived, new NightRecord.SectionCounts(0, 0, users, 0), List.of()));
		record = record.withDelivery(switch (mode) {
			case DRY_RUN -> NightRecord.Delivery.notSent(DeliveryStatus.NOT_SENT_DRY_RUN);
			case RERUN -> NightRecord.Delivery.notSent(DeliveryStatus.NOT_SENT_RERUN);
			// queued, and the receiver did not confirm it yet
			default -> new NightRecord.Delivery(DeliveryStatus.PENDING, null, 503, 1, "k", "HTTP 503", 1);
		});
		return new AuditInput(record, 42);
	}

	static AuditInput skipped() {
		return new AuditInput(NightRecord.start(NIGHT, RunMode.NIGHTLY, null)
			.withDecisions(decisions(true, SwitchOffDecision.HONOURED)), 43);
	}

}
