package dev.phonehome.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Scope;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.phonehome.console.users.ConsoleUsers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code phonehome console}: serves the compliance console on the same home and job repository while nights keep
 * running. The server itself was started with the context (see {@link ConsoleArgument}); this command says where it
 * listens and keeps the process up until it is stopped (Ctrl-C, SIGTERM).
 */
@Component
@Scope("prototype")
@Command(name = "console", mixinStandardHelpOptions = true,
		header = "Serves the compliance console (nights, audits, trends, verify) in the browser.",
		description = { "Sign-in is required; add users with 'phonehome console-user add'.",
				"Listens on loopback unless --bind says otherwise.",
				"TLS and OIDC: Spring Boot's standard properties (README: Console)." },
		footerHeading = "%nExit codes:%n", footer = "${sys:phonehome.exit-codes}")
class ConsoleCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	HomeOption home;

	// read before start-up by ConsoleArgument (the server starts with the context); declared here to document and validate them
	@Option(names = "--port", paramLabel = "PORT", defaultValue = "8470",
			description = "the TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
	int port;

	@Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
			description = "the address to listen on (default: ${DEFAULT-VALUE}, loopback only)")
	String bind;

	private final ConfigurableApplicationContext context;

	private final ConsoleUsers users;

	ConsoleCommand(ConfigurableApplicationContext context, ConsoleUsers users) {
		this.context = context;
		this.users = users;
	}

	@Override
	public Integer call() throws InterruptedException {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		Environment environment = context.getEnvironment();
		String actualPort = environment.getProperty("local.server.port");
		if (actualPort == null) {
			err.println("phonehome: the console's web server did not start (was 'console' the command name?)");
			return ExitCode.INTERNAL_ERROR.code();
		}
		if (users.list().isEmpty()) {
			err.println("warning: no console users yet, so nobody can sign in; add one with "
					+ "'phonehome console-user add NAME --role approver --home " + home.home + "'");
		}
		// Boot serves TLS when server.ssl names a bundle, a key store or a certificate (and is not switched off)
		boolean tls = environment.getProperty("server.ssl.enabled", Boolean.class, true)
				&& (environment.getProperty("server.ssl.bundle") != null
						|| environment.getProperty("server.ssl.key-store") != null
						|| environment.getProperty("server.ssl.certificate") != null);
		String scheme = tls ? "https" : "http";
		String address = environment.getProperty("server.address", "0.0.0.0");
		out.println("phonehome console: " + scheme + "://" + (address.contains(":") ? "[" + address + "]" : address)
				+ ":" + actualPort + "/ (stop with Ctrl-C)");
		out.flush();
		// the web server's threads serve; this one waits until the context is closed (SIGTERM, Ctrl-C)
		while (context.isActive()) {
			Thread.sleep(500);
		}
		return ExitCode.OK.code();
	}

}
