package dev.phonehome.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import dev.phonehome.history.HistoryFormat;
import dev.phonehome.history.NightHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code phonehome history}: every execution of every night, from the job repository. */
@Component
@Scope("prototype")
@Command(name = "history", mixinStandardHelpOptions = true,
		header = "Lists every execution of every night, from the job repository.",
		description = { "Lists every execution of the nights in a period, from the job repository: mode, times,",
				"status, counts, email decision, payload SHA-256 and delivery." },
		footerHeading = "%nExit codes:%n", footer = "${sys:phonehome.exit-codes}")
class HistoryCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	HomeOption home;

	@Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "first night to list (default: the first)")
	LocalDate from;

	@Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "last night to list (default: the last)")
	LocalDate to;

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
			description = "table, csv or json (default: ${DEFAULT-VALUE})", converter = FormatConverter.class)
	HistoryFormat format;

	private final NightHistory history;

	HistoryCommand(NightHistory history) {
		this.history = history;
	}

	@Override
	public Integer call() {
		format.print(history.entries(from, to), spec.commandLine().getOut());
		return ExitCode.OK.code();
	}

	static class FormatConverter implements picocli.CommandLine.ITypeConverter<HistoryFormat> {

		@Override
		public HistoryFormat convert(String value) {
			return HistoryFormat.valueOf(value.toUpperCase(java.util.Locale.ROOT));
		}

	}

}
