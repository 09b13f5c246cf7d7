package dev.phonehome.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import dev.phonehome.approval.ApprovalRefusedException;
import dev.phonehome.approval.Approvals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code phonehome approve} and {@code phonehome reject}: a second person's decision on a night held for approval. */
final class ApprovalCommands {

	private ApprovalCommands() {
	}

	/** What both commands share: the night, who decides, and the four-eyes rule's one exception. */
	abstract static class Decision implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Mixin
		HomeOption home;

		@Option(names = "--date", paramLabel = "YYYY-MM-DD", required = true, description = "the held night")
		LocalDate date;

		@Option(names = "--by", paramLabel = "NAME", required = true,
				description = "who decides (recorded with the OS user running this command)")
		String by;

		@Option(names = "--allow-same-person",
				description = "let the OS user who ran the night decide too (recorded as such)")
		boolean allowSamePerson;

		final Approvals approvals;

		Decision(Approvals approvals) {
			this.approvals = approvals;
		}

		abstract Approvals.Outcome decide(Approvals.Approver approver);

		@Override
		public Integer call() {
			if (by.isBlank()) {
				spec.commandLine().getErr().println("phonehome: --by needs a name");
				return ExitCode.USAGE.code();
			}
			try {
				Approvals.Outcome outcome = decide(Approvals.Approver.atTerminal(by.strip()));
				spec.commandLine().getOut().println(outcome.message());
				spec.commandLine().getOut().println("  addendum      " + outcome.addendum());
				return ExitCode.OK.code();
			}
			catch (ApprovalRefusedException ex) {
				spec.commandLine().getErr().println("phonehome: refused: " + ex.getMessage());
				return ExitCode.APPROVAL_REFUSED.code();
			}
		}

	}

	@Component
	@Scope("prototype")
	@Command(name = "approve", mixinStandardHelpOptions = true,
			header = "Approves a night held for approval: queues it, and approves its scope.",
			description = { "A night whose scope (emails, payload fields, integrations, version) changed in a way",
					"phonehome.approval.required-when lists is archived and audited but held. Approving it records",
					"who (--by and the OS user), when, why and the payload SHA-256, queues the night (the next run",
					"sends it) and makes its scope the approved one. The OS user who ran the night may not approve",
					"it unless --allow-same-person is given." },
			footerHeading = "%nExit codes:%n", footer = "${sys:phonehome.exit-codes}")
	static class ApproveCommand extends Decision {

		@Option(names = "--reason", paramLabel = "TEXT", description = "why (recorded)")
		String reason;

		ApproveCommand(Approvals approvals) {
			super(approvals);
		}

		@Override
		Approvals.Outcome decide(Approvals.Approver approver) {
			return approvals.approve(date, null, approver, reason, allowSamePerson);
		}

	}

	@Component
	@Scope("prototype")
	@Command(name = "reject", mixinStandardHelpOptions = true,
			header = "Rejects a night held for approval: it stays archived and is never sent.",
			description = { "Records who (--by and the OS user), when, why (--reason) and the payload SHA-256; the night",
					"is never queued or sent. The OS user who ran the night may not reject it unless",
					"--allow-same-person is given." },
			footerHeading = "%nExit codes:%n", footer = "${sys:phonehome.exit-codes}")
	static class RejectCommand extends Decision {

		@Option(names = "--reason", paramLabel = "TEXT", required = true, description = "why (recorded)")
		String reason;

		RejectCommand(Approvals approvals) {
			super(approvals);
		}

		@Override
		Approvals.Outcome decide(Approvals.Approver approver) {
			return approvals.reject(date, null, approver, reason, allowSamePerson);
		}

	}

}
