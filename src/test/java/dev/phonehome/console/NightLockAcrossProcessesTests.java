package dev.phonehome.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import dev.phonehome.cli.ExitCode;

/**
 * The embedded store in H2's mixed mode: a second process no longer fails to open the file, it becomes the first
 * one's client; the night's row lock, now shared through that one server, is what still lets one run of a night
 * go on while another run of it exits 8. (With the console up, ConsoleBrowserTests shows the same.)
 */
class NightLockAcrossProcessesTests {

	@Test
	void secondRunOfANightInAnotherProcessShouldExit8WhileTheFirstCompletes() throws Exception {
		// given: the demo imported; the first run holds the night while its delivery waits at the receiver
		ConsoleTestHome home = ConsoleTestHome.withDemoImported();
		home.receiver.hold();
		try (GateReceiver receiver = home.receiver;
				PhonehomeProcess first = PhonehomeProcess.start(home.home, "first", "run", "--date", "2026-11-20",
						"--config", home.config("free"))) {
			long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
			while (receiver.requests() == 0 && first.isAlive() && System.nanoTime() < deadline) {
				Thread.sleep(200);
			}
			assertThat(receiver.requests()).as(first.err()).isEqualTo(1);

			// when
			PhonehomeProcess second = PhonehomeProcess.start(home.home, "second", "run", "--date", "2026-11-20",
					"--config", home.config("free"));
			int secondExit = second.awaitExit();
			receiver.open();
			int firstExit = first.awaitExit();

			// then
			assertThat(secondExit).as(second.err()).isEqualTo(ExitCode.ALREADY_RUNNING.code());
			assertThat(second.err()).contains("night 2026-11-20 is already running in another process; nothing was run");
			assertThat(firstExit).as(first.err()).isEqualTo(ExitCode.OK.code());
			assertThat(first.out()).contains("delivery      delivered");
		}
		finally {
			FileSystemUtils.deleteRecursively(home.home);
		}
	}

}
