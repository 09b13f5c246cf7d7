package dev.phonehome.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.TestPropertySource;

import dev.phonehome.history.NightHistory;

/**
 * The scope gate's tests: the free demo's dump, or a copy of it with one change (a company's plan, a user's token),
 * imported before a night, nights run against a stand-in receiver, approvals given on the command line.
 */
@TestPropertySource(properties = "phonehome.source.stale-margin=60d")
abstract class ScopeGateTestSupport extends DeliveryTestSupport {

	/** Acme Robotics moves from its trial to BUSINESS: the installation is paid, emails are redacted. */
	static final Change BUSINESS = new Change("companies.json", "\"plan\":\"14DAYTRIAL\"", "\"plan\":\"BUSINESS\"");

	/** A user's empty Trello token gets a value: the payload names a new integration, trello. */
	static final Change TRELLO = new Change("users.json", "{\"trello\":{\"accessToken\":\"\"",
			"{\"trello\":{\"accessToken\":\"demoFAKEtrelloTokenForTheGateTest\"");

	/** The free demo dump as it is. */
	static final Change NONE = null;

	/** One text replaced in one file of the dump. */
	record Change(String file, String old, String replacement) {
	}

	@BeforeEach
	void startWithNoGateRows() {
		jdbc.update("DELETE FROM phonehome_approval");
		jdbc.update("DELETE FROM phonehome_scope_gate");
	}

	/** Imports the free demo dump, with {@code change} applied to a copy of it ({@link #NONE}: as it is). */
	void importFree(Change change) {
		String from = demoDump("free");
		if (change != null) {
			try {
				Path copy = Files.createTempDirectory(HOME, "dump");
				try (var files = Files.list(Path.of(from))) {
					for (Path file : files.toList()) {
						Files.copy(file, copy.resolve(file.getFileName()));
					}
				}
				Path file = copy.resolve(change.file());
				String text = Files.readString(file);
				assertThat(text).as("the demo dump still holds what the test changes").contains(change.old());
				Files.writeString(file, text.replace(change.old(), change.replacement()));
				from = copy.toString();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		CliResult imported = cli("import", "--from", from);
		assertThat(imported.exitCode()).as(imported.err()).isZero();
	}

	/**
	 * The free demo's config pointed at {@code receiver}, without its {@code apiServer.disablePhoneHome} (which a
	 * paid night, BUSINESS, would honour by skipping the night).
	 */
	static String gateConfig(StandInReceiver receiver) {
		try {
			Path file = Path.of(configFor(receiver));
			String text = Files.readString(file);
			assertThat(text).contains("\"disablePhoneHome\":true");
			Files.writeString(file, text.replace("\"disablePhoneHome\":true", "\"disablePhoneHome\":false"));
			return file.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every night the receiver was sent, in the order the requests came. */
	static List<String> nightsSent(StandInReceiver receiver) {
		return receiver.requests().stream().flatMap(r -> r.nights().stream()).toList();
	}

	Path archivedPayload(String night) {
		return context.getBean(NightHistory.class).archivedPayload(java.time.LocalDate.parse(night)).orElseThrow().path();
	}

	/** The history's row of the night's real run, as CSV cells. */
	String historyRow(String night) {
		CliResult history = cli("history", "--from", night, "--to", night, "--format", "csv");
		assertThat(history.exitCode()).as(history.err()).isZero();
		return history.out();
	}

}
