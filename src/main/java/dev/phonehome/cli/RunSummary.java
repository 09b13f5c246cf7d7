package dev.phonehome.cli;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;

import dev.phonehome.record.NightApproval;
import dev.phonehome.record.NightRecord;
import dev.phonehome.record.NightRecords;
import dev.phonehome.record.RunMode;

/** The few lines {@code run} ends with, from the night's record (the same the history and the audit read). */
record RunSummary(List<String> lines) {

	static RunSummary of(JobExecution execution) {
		NightRecord record = NightRecords.read(execution);
		NightRecord.Decisions decisions = record.decisions();
		List<String> lines = new ArrayList<>();
		lines.add("phonehome: night " + record.date() + " (UTC window " + record.night().start() + " .. "
				+ record.night().end() + "), " + record.runLabel() + ", execution " + execution.getId());
		lines.add(row("installation",
				decisions.installation().id() + " version " + decisions.installation().version()));
		lines.add(row("source", decisions.source().description()));
		if (decisions.source().store() != null) {
			lines.add(row("store", decisions.source().store().describe()));
		}
		decisions.source().caveats().forEach(caveat -> lines.add(row("CAUTION", caveat)));
		if (record.skipped()) {
			lines.add(row("skipped", decisions.switchOff().reason()));
			auditLines(record, lines);
			return new RunSummary(lines);
		}
		NightRecord.Payload payload = record.payload();
		lines.add(row("companies", String.valueOf(payload.counts().companies())));
		lines.add(row("teams", String.valueOf(payload.counts().teams())));
		lines.add(row("users", String.valueOf(payload.counts().users())));
		lines.add(row("codeReviews", String.valueOf(payload.counts().codeReviews())));
		lines.add(row("integrations", payload.integrations().isEmpty() ? "none" : String.join(", ", payload.integrations())));
		lines.add(row("emails", decisions.emails().reason()));
		if (decisions.switchOff().set()) {
			lines.add(row("switch-off", decisions.switchOff().reason()));
		}
		if (record.changes() != null) {
			lines.add(row("changes", record.changes().summary()));
		}
		lines.add(row("payload", "sha256 " + payload.file().sha256() + ", " + payload.file().size() + " bytes"));
		lines.add(row("artefacts", payload.file().path().toString()));
		lines.add(row("delivery", record.deliveryText()));
		NightApproval approval = NightRecords.readApproval(execution);
		if (approval != null) {
			lines.add(row("approval", approval.describe()));
		}
		auditLines(record, lines);
		if (record.mode() == RunMode.RERUN) {
			lines.add(row("rerun", "never sent; the night's run before it sent sha256 "
					+ record.rerun().previousSha256()));
		}
		if (record.mode() == RunMode.DRY_RUN) {
			lines.add(row("note", "dry run: archived only; it does not count as the night's run and is never sent"));
		}
		return new RunSummary(lines);
	}

	private static void auditLines(NightRecord record, List<String> lines) {
		lines.add(row("audit.pdf", record.audit() == null ? "(not written)" : record.audit().pdf().path().toString()));
		lines.add(row("audit.csv", record.audit() == null ? "(not written)" : record.audit().csv().path().toString()));
	}

	private static String row(String label, String value) {
		return String.format("  %-13s %s", label, value);
	}

	String render() {
		return String.join(System.lineSeparator(), lines) + System.lineSeparator();
	}

}
