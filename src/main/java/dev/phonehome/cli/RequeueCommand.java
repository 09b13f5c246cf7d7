package dev.phonehome.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import dev.phonehome.delivery.Outbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code phonehome requeue}: sends again, with the next run, a night the receiver refused on its own. */
@Component
@Scope("prototype")
@Command(name = "requeue", mixinStandardHelpOptions = true,
		header = "Queues again a night the receiver refused (delivery status REFUSED).",
		description = { "A night the receiver refused on its own (HTTP 400, 413, 422, ...) is set aside so later nights",
				"are sent. Once the cause is fixed, requeue it: the next run sends it, in a set of its own." },
		footerHeading = "%nExit codes:%n", footer = "${sys:phonehome.exit-codes}")
class RequeueCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	HomeOption home;

	@Option(names = "--date", paramLabel = "YYYY-MM-DD", required = true, description = "the refused night")
	LocalDate date;

	private final Outbox outbox;

	RequeueCommand(Outbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public Integer call() {
		if (!outbox.requeue(date)) {
			spec.commandLine().getErr().println("phonehome: night " + date + " is not set aside as REFUSED; nothing "
					+ "was changed (see 'history')");
			return ExitCode.USAGE.code();
		}
		spec.commandLine().getOut().println("phonehome: night " + date + " is queued again; the next run sends it");
		return ExitCode.OK.code();
	}

}
