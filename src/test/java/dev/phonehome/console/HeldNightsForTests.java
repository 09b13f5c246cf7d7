package dev.phonehome.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import org.springframework.core.env.Environment;

import dev.phonehome.console.approvals.HeldNights;

/**
 * A four-eyes gate for the console's tests only (the approval feature will provide the real one): the nights held
 * are the lines {@code NIGHT EXECUTION REASON} of {@code HOME/held-nights}; a decision removes its night's line and
 * appends {@code VERDICT NIGHT EXECUTION APPROVER COMMENT} to {@code HOME/decisions}. It is registered in the
 * console's process with {@code --spring.main.sources}, never by component scanning; primary, so it stands in for the
 * real gate ({@code GateHeldNights}, which also backs off when another gate is registered).
 */
@org.springframework.context.annotation.Primary
public class HeldNightsForTests implements HeldNights {

	private final Path held;

	private final Path decisions;

	public HeldNightsForTests(Environment environment) {
		Path home = Path.of(environment.getRequiredProperty("phonehome.home"));
		this.held = home.resolve("held-nights");
		this.decisions = home.resolve("decisions");
	}

	@Override
	public synchronized List<HeldNight> held() {
		List<HeldNight> nights = new ArrayList<>();
		for (String line : lines(held)) {
			String[] parts = line.split(" ", 3);
			nights.add(new HeldNight(LocalDate.parse(parts[0]), Long.parseLong(parts[1]), Instant.parse("2026-11-21T01:00:00Z"),
					parts[2]));
		}
		return nights;
	}

	@Override
	public synchronized String decide(LocalDate night, long executionId, Verdict verdict, String approver,
			String comment) {
		List<String> remaining = new ArrayList<>(lines(held));
		if (!remaining.removeIf(line -> line.startsWith(night + " " + executionId + " "))) {
			throw new NoSuchElementException();
		}
		try {
			Files.write(held, remaining);
			Files.writeString(decisions, verdict + " " + night + " " + executionId + " " + approver + " " + comment + "\n",
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return (verdict == Verdict.APPROVE ? "Approved" : "Rejected") + " night " + night + " (execution " + executionId
				+ ").";
	}

	private static List<String> lines(Path file) {
		try {
			return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
