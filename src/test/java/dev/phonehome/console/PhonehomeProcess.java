package dev.phonehome.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.phonehome.PhoneHomeApplication;

/**
 * {@code phonehome ARGS} in a JVM of its own, as an operator (or cron) starts it: its own H2 connection, its own
 * process. Output goes to files in the home, named after the process.
 */
final class PhonehomeProcess implements AutoCloseable {

	private static final Pattern CONSOLE_URL = Pattern.compile("phonehome console: (http://\\S+?)/ ");

	private final Process process;

	private final Path out;

	private final Path err;

	private PhonehomeProcess(Process process, Path out, Path err) {
		this.process = process;
		this.out = out;
		this.err = err;
	}

	static PhonehomeProcess start(Path home, String name, String... args) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				PhoneHomeApplication.class.getName()));
		command.addAll(List.of(args));
		command.addAll(List.of("--home", home.toString()));
		Path out = home.resolve(name + ".out");
		Path err = home.resolve(name + ".err");
		try {
			Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
				.redirectError(err.toFile())
				.directory(new File(".").getAbsoluteFile())
				.start();
			return new PhonehomeProcess(process, out, err);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Waits for the console's "phonehome console: URL" line and gives the URL. */
	String awaitConsoleUrl() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (System.nanoTime() < deadline) {
			Matcher url = CONSOLE_URL.matcher(out());
			if (url.find()) {
				return url.group(1);
			}
			if (!process.isAlive()) {
				throw new IllegalStateException("the console stopped (exit " + process.exitValue() + "): " + err());
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("the console did not start within 3 minutes: " + err());
	}

	int awaitExit() throws InterruptedException {
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("phonehome did not end within 5 minutes: " + err());
		}
		return process.exitValue();
	}

	boolean isAlive() {
		return process.isAlive();
	}

	String out() {
		return read(out);
	}

	String err() {
		return read(err);
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** SIGTERM, as systemd stops a service; forcibly when it does not end in time. */
	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(1, TimeUnit.MINUTES)) {
			process.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
		}
	}

}
