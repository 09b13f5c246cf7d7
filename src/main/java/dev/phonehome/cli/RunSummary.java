package dev.phonehome.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import dev.phonehome.delivery.DeliveryFacts;
import dev.phonehome.job.NightFacts;
import dev.phonehome.job.RunMode;
import dev.phonehome.payload.PayloadSection;

/** The few lines {@code run} ends with, from the facts the execution recorded (the same the history reads). */
record RunSummary(List<String> lines, boolean skipped) {

	static RunSummary of(JobExecution execution) {
		ExecutionContext facts = execution.getExecutionContext();
		List<String> lines = new ArrayList<>();
		RunMode mode = RunMode.valueOf(facts.getString(NightFacts.MODE));
		lines.add("phonehome: night " + facts.getString(NightFacts.NIGHT) + " (UTC window "
				+ Instant.ofEpochMilli(facts.getLong(NightFacts.WINDOW_START)) + " .. "
				+ Instant.ofEpochMilli(facts.getLong(NightFacts.WINDOW_END)) + "), " + mode.label() + ", execution "
				+ execution.getId());
		lines.add(row("installation", facts.getString(NightFacts.INSTALLATION_ID) + " version "
				+ facts.getString(NightFacts.INSTALLATION_VERSION)));
		lines.add(row("source", facts.getString(NightFacts.SOURCE, "")));
		boolean skipped = NightFacts.flag(facts, NightFacts.SKIPPED);
		if (skipped) {
			lines.add(row("skipped", facts.getString(NightFacts.SKIP_REASON)));
			auditLines(facts, lines);
			return new RunSummary(lines, true);
		}
		for (PayloadSection section : PayloadSection.values()) {
			lines.add(row(section.key(), String.valueOf(facts.getLong(NightFacts.PAYLOAD_COUNT + section.key()))));
		}
		String integrations = facts.getString(NightFacts.INTEGRATIONS);
		lines.add(row("integrations", integrations.isEmpty() ? "none" : integrations.replace(",", ", ")));
		lines.add(row("emails", facts.getString(NightFacts.EMAILS_REASON)));
		if (NightFacts.flag(facts, NightFacts.DISABLE_SETTING)) {
			lines.add(row("switch-off", facts.getString(NightFacts.DISABLE_REASON)));
		}
		lines.add(row("payload", "sha256 " + facts.getString(NightFacts.PAYLOAD_SHA256) + ", "
				+ facts.getLong(NightFacts.PAYLOAD_SIZE) + " bytes"));
		lines.add(row("artefacts", facts.getString(NightFacts.PAYLOAD_PATH)));
		DeliveryFacts.describe(facts).ifPresent(delivery -> lines.add(row("delivery", delivery)));
		auditLines(facts, lines);
		if (mode == RunMode.RERUN) {
			lines.add(row("rerun", "rerun " + facts.getLong(NightFacts.RERUN_NUMBER) + " of "
					+ facts.getString(NightFacts.NIGHT) + "; the night's run before it sent sha256 "
					+ facts.getString(NightFacts.RERUN_PREVIOUS_SHA256)));
		}
		if (mode == RunMode.DRY_RUN) {
			lines.add(row("note", "dry run: archived only; it does not count as the night's run and is never sent"));
		}
		return new RunSummary(lines, false);
	}

	private static void auditLines(ExecutionContext facts, List<String> lines) {
		lines.add(row("audit.pdf", facts.getString(NightFacts.AUDIT_PDF_PATH, "(not written)")));
		lines.add(row("audit.csv", facts.getString(NightFacts.AUDIT_CSV_PATH, "(not written)")));
	}

	private static String row(String label, String value) {
		return String.format("  %-13s %s", label, value);
	}

	String render() {
		return String.join(System.lineSeparator(), lines) + System.lineSeparator();
	}

}
