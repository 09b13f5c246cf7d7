package dev.phonehome.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import dev.phonehome.verify.ArchiveVerifier;
import dev.phonehome.verify.Finding;
import dev.phonehome.metrics.MetricsTextfile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code phonehome verify}: proves the archive and the job repository were not altered. */
@Component
@Scope("prototype")
@Command(name = "verify", mixinStandardHelpOptions = true,
		header = "Proves the archive and the job repository were not altered.",
		description = { "Recomputes the SHA-256 of every archived payload and audit and compares them with the",
				"job repository; reports changed, missing and unexpected files, and every break of the record",
				"chain; prints the chain's head (pin it elsewhere, check it later with --expect-head).",
				"Exits 10 on any mismatch." },
		footerHeading = "%nExit codes:%n", footer = "${sys:phonehome.exit-codes}")
class VerifyCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	HomeOption home;

	@ArgGroup(exclusive = true)
	Which which = new Which();

	static class Which {

		@Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "verify one night's artefacts")
		LocalDate date;

		@Option(names = "--all", description = "verify every night (the default)")
		boolean all;

	}

	@Option(names = "--expect-head", paramLabel = "DIGEST",
			description = "a chain head printed by an earlier verify (kept outside this machine): fail unless the chain "
					+ "still contains it")
	String expectedHead;

	private final ArchiveVerifier verifier;

	private final MetricsTextfile metrics;

	VerifyCommand(ArchiveVerifier verifier, MetricsTextfile metrics) {
		this.verifier = verifier;
		this.metrics = metrics;
	}

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		List<Finding> findings = verifier.verify(which.date, which.date, expectedHead);
		findings.forEach(out::println);
		long problems = findings.stream().filter(f -> f.kind().isProblem()).count();
		List<LocalDate> databaseOnly = ArchiveVerifier.nightsHeldOnlyInDatabase(findings);
		if (!databaseOnly.isEmpty()) {
			out.println("held only in the database (not on this node; restored here when sent or exported): "
					+ databaseOnly.size() + " night(s): " + databaseOnly.stream().map(LocalDate::toString)
						.collect(java.util.stream.Collectors.joining(", ")));
		}
		out.println(problems == 0 ? "verify: OK, " + findings.size() + " checks passed"
				: "verify: " + problems + " problem(s) found");
		out.flush();
		metrics.afterVerify(problems == 0, problems);
		return problems == 0 ? ExitCode.OK.code() : ExitCode.VERIFY_MISMATCH.code();
	}

}
