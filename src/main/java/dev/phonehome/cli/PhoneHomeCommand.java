package dev.phonehome.cli;

import picocli.CommandLine.Command;

/** The top-level {@code phonehome} command. */
@Command(name = "phonehome", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = "Computes, archives and audits an on-prem installation's nightly phone-home payload.",
		subcommands = { ImportCommand.class, RunCommand.class },
		footerHeading = "%nExit codes:%n", footer = "${sys:phonehome.exit-codes}")
public class PhoneHomeCommand {

}
