package dev.phonehome.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code phonehome} command. */
@Command(name = "phonehome", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = "Computes, archives and audits an on-prem installation's nightly phone-home payload.",
		subcommands = { ImportCommand.class, RunCommand.class, HistoryCommand.class,
				ExecutionCommands.RestartCommand.class, ExecutionCommands.AbandonCommand.class, VerifyCommand.class, ExportCommand.class,
				RequeueCommand.class, ApprovalCommands.ApproveCommand.class, ApprovalCommands.RejectCommand.class,
				DiffCommand.class, ConsoleCommand.class, ConsoleUserCommand.class },
		footerHeading = "%nExit codes:%n", footer = "${sys:phonehome.exit-codes}")
public class PhoneHomeCommand implements Runnable {

	@Spec
	CommandSpec spec;

	// accepted before the command name too: phonehome --home DIR history
	@Mixin
	HomeOption home;

	@Override
	public void run() {
		// no command given: say what there is
		spec.commandLine().usage(spec.commandLine().getErr());
	}

}
