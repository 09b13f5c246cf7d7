package dev.phonehome.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import dev.phonehome.console.users.ConsoleRole;
import dev.phonehome.console.users.ConsoleUser;
import dev.phonehome.console.users.ConsoleUsers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code phonehome console-user add|remove|list}: the console's users and roles, kept in {@code HOME/console/users}
 * with their passwords hashed (bcrypt), never in clear. The password is asked on the terminal, or read from the
 * first line of standard input with {@code --password-stdin}; it is never an argument (a process list shows those).
 */
@Command(name = "console-user", mixinStandardHelpOptions = true,
		header = "Adds, removes and lists the users of the compliance console.",
		subcommands = { ConsoleUserCommand.Add.class, ConsoleUserCommand.Remove.class, ConsoleUserCommand.ListUsers.class },
		footerHeading = "%nExit codes:%n", footer = "${sys:phonehome.exit-codes}")
class ConsoleUserCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Mixin
	HomeOption home;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getErr());
	}

	@Component
	@Scope("prototype")
	@Command(name = "add", mixinStandardHelpOptions = true, header = "Adds a console user with a role.",
			description = { "viewer: reads nights, trends, verify findings and downloads the archived files.",
					"approver: also approves or rejects held nights and reads the console's access log." })
	static class Add implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Mixin
		HomeOption home;

		@Parameters(paramLabel = "NAME", description = "the sign-in name (letters, digits, '.', '_', '@', '-')")
		String name;

		@Option(names = "--role", required = true, paramLabel = "viewer|approver", description = "what the user may do")
		String role;

		@Option(names = "--password-stdin", description = "read the password from the first line of standard input")
		boolean passwordFromStdin;

		@Option(names = "--oidc-only", description = "no password: the user signs in through OIDC only (README: Console)")
		boolean oidcOnly;

		private final ConsoleUsers users;

		Add(ConsoleUsers users) {
			this.users = users;
		}

		@Override
		public Integer call() throws IOException {
			PrintWriter err = spec.commandLine().getErr();
			ConsoleRole consoleRole;
			try {
				consoleRole = ConsoleRole.parse(role);
			}
			catch (IllegalArgumentException ex) {
				err.println("phonehome: " + ex.getMessage());
				return ExitCode.USAGE.code();
			}
			char[] password = null;
			try {
				if (!oidcOnly) {
					password = passwordFromStdin ? firstLineOfStdin() : askTwice(err);
					if (password == null) {
						return ExitCode.USAGE.code();
					}
				}
				ConsoleUser added = users.add(name, consoleRole, password);
				spec.commandLine().getOut().println("phonehome: console user '" + added.name() + "' added as "
						+ added.role().name().toLowerCase() + (oidcOnly ? " (OIDC sign-in only)" : "") + " in "
						+ users.file());
				return ExitCode.OK.code();
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				err.println("phonehome: " + ex.getMessage());
				return ExitCode.USAGE.code();
			}
			finally {
				if (password != null) {
					Arrays.fill(password, '\0');
				}
			}
		}

		private static char[] firstLineOfStdin() throws IOException {
			String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			return line == null ? new char[0] : line.toCharArray();
		}

		private char[] askTwice(PrintWriter err) {
			Console terminal = System.console();
			if (terminal == null) {
				err.println("phonehome: no terminal to ask the password on; pipe it in with --password-stdin");
				return null;
			}
			char[] first = terminal.readPassword("Password for %s: ", name);
			char[] second = terminal.readPassword("The same password again: ");
			if (first == null || !Arrays.equals(first, second)) {
				err.println("phonehome: the two passwords differ; nothing was changed");
				return null;
			}
			Arrays.fill(second, '\0');
			return first;
		}

	}

	@Component
	@Scope("prototype")
	@Command(name = "remove", mixinStandardHelpOptions = true, header = "Removes a console user.")
	static class Remove implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Mixin
		HomeOption home;

		@Parameters(paramLabel = "NAME")
		String name;

		private final ConsoleUsers users;

		Remove(ConsoleUsers users) {
			this.users = users;
		}

		@Override
		public Integer call() {
			if (!users.remove(name)) {
				spec.commandLine().getErr().println("phonehome: there is no console user '" + name + "' in " + users.file());
				return ExitCode.USAGE.code();
			}
			spec.commandLine().getOut().println("phonehome: console user '" + name + "' removed");
			return ExitCode.OK.code();
		}

	}

	@Component
	@Scope("prototype")
	@Command(name = "list", mixinStandardHelpOptions = true, header = "Lists the console users and their roles.")
	static class ListUsers implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Mixin
		HomeOption home;

		private final ConsoleUsers users;

		ListUsers(ConsoleUsers users) {
			this.users = users;
		}

		@Override
		public Integer call() {
			PrintWriter out = spec.commandLine().getOut();
			List<ConsoleUser> all = users.list();
			if (all.isEmpty()) {
				out.println("no console users yet; add one with: phonehome console-user add NAME --role approver");
			}
			all.forEach(u -> out.println(String.format("%-24s %-9s %s", u.name(), u.role().name().toLowerCase(),
					u.hasPassword() ? "password" : "OIDC only")));
			return ExitCode.OK.code();
		}

	}

}
