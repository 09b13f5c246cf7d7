package dev.phonehome.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.phonehome.PhoneHomeTestSupport;

/**
 * Executes every {@code console} block of ops/runbook.md, in order, against a temporary home with the demo
 * installation: each {@code $ ops/phonehome ...} line runs as that command, each following line must appear in
 * what it printed ({@code …} matching anything), and {@code [exit N]} is its exit code. So the runbook stays true.
 */
class RunbookTests extends PhoneHomeTestSupport {

	private static final Path RUNBOOK = Path.of("ops/runbook.md");

	/** The production paths the runbook names, and what stands for them here. */
	private static final String CONFIG = "/home/codestream/.codestream/codestream-services-config.json";

	private static final String DUMP = "/srv/codestream-dump";

	@TempDir
	Path folder;

	@Test
	void everyRunbookCommandShouldDoWhatTheRunbookSays() throws IOException {
		List<Step> steps = steps(Files.readAllLines(RUNBOOK));
		assertThat(steps).as("console steps in the runbook").hasSizeGreaterThanOrEqualTo(10);
		for (Step step : steps) {
			// when
			CliResult result = cli(step.arguments(demoConfig("free"), demoDump("free"), folder));

			// then
			String printed = result.out() + result.err();
			assertThat(result.exitCode()).as("exit code of: %s%n%s", step.command(), printed)
				.isEqualTo(step.exitCode());
			for (String expected : step.expected()) {
				assertThat(Pattern.compile(toRegex(expected), Pattern.MULTILINE).matcher(printed).find())
					.as("runbook line%n  %s%nafter%n  %s%nnot in what it printed:%n%s", expected, step.command(), printed)
					.isTrue();
			}
		}
	}

	/** A runbook line: literal text, with … matching anything and runs of spaces matching any spacing. */
	private static String toRegex(String line) {
		StringBuilder regex = new StringBuilder();
		for (String part : line.strip().split("…", -1)) {
			if (!regex.isEmpty()) {
				regex.append(".*?");
			}
			regex.append(Arrays.stream(part.split(" +", -1)).map(Pattern::quote).reduce((a, b) -> a + " +" + b).orElse(""));
		}
		return regex.toString();
	}

	private static List<Step> steps(List<String> lines) {
		List<Step> steps = new ArrayList<>();
		boolean inConsole = false;
		Step current = null;
		for (String line : lines) {
			if (line.strip().equals("```console")) {
				inConsole = true;
			}
			else if (inConsole && line.strip().equals("```")) {
				inConsole = false;
			}
			else if (inConsole && line.startsWith("$ ops/phonehome ")) {
				current = new Step(line.substring(2), new ArrayList<>(), new int[] { 0 });
				steps.add(current);
			}
			else if (inConsole && line.matches("\\[exit \\d+]")) {
				current.exit()[0] = Integer.parseInt(line.replaceAll("\\D", ""));
			}
			else if (inConsole && !line.isBlank()) {
				current.expected().add(line);
			}
		}
		return steps;
	}

	private record Step(String command, List<String> expected, int[] exit) {

		int exitCode() {
			return exit[0];
		}

		/** The command's arguments, with the runbook's production paths replaced by this test's. */
		String[] arguments(String config, String dump, Path folder) {
			List<String> arguments = new ArrayList<>(Arrays.asList(command.split(" +")));
			arguments.remove(0); // ops/phonehome
			List<String> replaced = new ArrayList<>();
			for (int i = 0; i < arguments.size(); i++) {
				String argument = arguments.get(i);
				if (argument.equals("--home")) {
					i++; // the test's context owns the home directory
					continue;
				}
				replaced.add(argument.equals(CONFIG) ? config : argument.equals(DUMP) ? dump
						: argument.startsWith("/tmp/") ? folder.resolve(argument.substring(5)).toString() : argument);
			}
			return replaced.toArray(String[]::new);
		}

	}

}
