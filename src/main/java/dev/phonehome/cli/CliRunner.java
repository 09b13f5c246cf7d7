package dev.phonehome.cli;

import java.util.Arrays;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import picocli.CommandLine;

/**
 * Runs the picocli command line inside the Spring context; commands are beans. The exit code travels back to
 * {@code main} through {@link ExitCodeGenerator}.
 */
@Component
// Tests drive the commands themselves (CliRunner.newCommandLine) and switch this off.
@ConditionalOnProperty(name = "phonehome.cli.enabled", matchIfMissing = true)
public class CliRunner implements CommandLineRunner, ExitCodeGenerator {

	private final ApplicationContext context;

	private int exitCode;

	CliRunner(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void run(String... args) {
		exitCode = newCommandLine(context).execute(withoutSpringArguments(args));
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

	public static CommandLine newCommandLine(ApplicationContext context) {
		System.setProperty("phonehome.exit-codes", ExitCode.table());
		CommandLine.IFactory factory = new CommandLine.IFactory() {
			@Override
			public <K> K create(Class<K> type) throws Exception {
				return context.getBeanProvider(type).getIfAvailable(() -> defaultCreate(type));
			}

			private <K> K defaultCreate(Class<K> type) {
				try {
					return CommandLine.defaultFactory().create(type);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}
		};
		CommandLine commandLine = new CommandLine(PhoneHomeCommand.class, factory);
		commandLine.setExitCodeExceptionMapper(ex -> (ex instanceof CommandLine.ParameterException)
				? ExitCode.USAGE.code() : ExitCode.INTERNAL_ERROR.code());
		return commandLine;
	}

	/** Boot's own {@code --spring.x=y} arguments are Spring's, not the CLI's. */
	static String[] withoutSpringArguments(String[] args) {
		return Arrays.stream(args).filter(arg -> !arg.matches("--[a-z][\\w-]*\\.[\\w.\\-\\[\\]]+=.*")).toArray(String[]::new);
	}

}
