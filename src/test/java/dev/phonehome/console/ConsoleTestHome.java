package dev.phonehome.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.phonehome.PhoneHomeApplication;
import dev.phonehome.cli.CliRunner;
import dev.phonehome.history.NightHistory;
import picocli.CommandLine;

/**
 * A temporary home as an operator would have it after some nights: the demo installation (free) imported and run
 * for three nights plus a dry run, then the paid demo imported and run for one night (sent: emails off, the scope
 * the gate approves), then the free demo again for {@link #HELD} (emails on again: the real scope gate holds it),
 * then the paid demo back for the nights the tests run later; and console users: an approver, a viewer, and an
 * approver named as the OS user who ran the nights (the four-eyes rule refuses them). It is made in this JVM through
 * the CLI's own commands, and closed before the console (another process) opens it.
 */
final class ConsoleTestHome {

	static final String APPROVER = "alice";

	static final String APPROVER_PASSWORD = "approver-password-1";

	static final String VIEWER = "victor";

	static final String VIEWER_PASSWORD = "viewer-password-12";

	/** The console user named as the OS user who ran the nights: an approver, but not of the nights they ran. */
	static final String OS_USER = System.getProperty("user.name");

	static final String OS_USER_PASSWORD = "same-person-password-3";

	/** The night the real scope gate holds: the users' addresses are included again after a paid night. */
	static final String HELD = "2026-11-21";

	/** A second night the gate holds the same way, for the rejection. */
	static final String HELD_TO_REJECT = "2026-11-24";

	static final Path DEMO = Path.of("jobs/phone-home/demo").toAbsolutePath();

	/** The demo configs' phone-home key: it must appear on no page. */
	static final String PHONE_HOME_KEY = "demo-phone-home-key-not-a-secret";

	final Path home;

	final GateReceiver receiver;

	final List<NightView> nights;

	private ConsoleTestHome(Path home, GateReceiver receiver, List<NightView> nights) {
		this.home = home;
		this.receiver = receiver;
		this.nights = nights;
	}

	static ConsoleTestHome create() throws IOException {
		return create(true);
	}

	/** Only the free demo imported, its config written, no night run yet. */
	static ConsoleTestHome withDemoImported() throws IOException {
		return create(false);
	}

	private static ConsoleTestHome create(boolean nights) throws IOException {
		Path home = Files.createTempDirectory("phonehome-console-home");
		GateReceiver receiver = new GateReceiver();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PhoneHomeApplication.class)
			.properties("phonehome.home=" + home, "phonehome.cli.enabled=false", "spring.main.web-application-type=none")
			.run()) {
			String free = config(home, receiver, "free");
			String paid = config(home, receiver, "paid");
			cli(context, "import", "--from", DEMO.resolve("free").toString());
			if (nights) {
				for (String night : List.of("2026-11-17", "2026-11-18", "2026-11-19")) {
					cli(context, "run", "--date", night, "--config", free);
				}
				cli(context, "run", "--date", "2026-11-19", "--dry-run", "--config", free);
				cli(context, "import", "--from", DEMO.resolve("paid").toString());
				cli(context, "run", "--date", "2026-11-20", "--config", paid);
				// the paid config (phone home not switched off) on the free installation: emails on again
				cli(context, "import", "--from", DEMO.resolve("free").toString());
				cli(context, 12, "run", "--date", HELD, "--config", paid);
				cli(context, 12, "run", "--date", HELD_TO_REJECT, "--config", paid);
				cli(context, "import", "--from", DEMO.resolve("paid").toString());
				addUser(context, APPROVER, "approver", APPROVER_PASSWORD);
				addUser(context, VIEWER, "viewer", VIEWER_PASSWORD);
				addUser(context, OS_USER, "approver", OS_USER_PASSWORD);
			}
			List<NightView> recorded = context.getBean(NightHistory.class).executions().stream().map(NightView::of).toList();
			return new ConsoleTestHome(home, receiver, recorded);
		}
	}

	String config(String variant) {
		return home.resolve("config-" + variant).resolve("codestream-services-config.json").toString();
	}

	NightView night(String date, String mode) {
		return nights.stream()
			.filter(n -> n.night().equals(LocalDate.parse(date)) && n.mode().name().equals(mode))
			.findFirst()
			.orElseThrow();
	}

	private static void cli(ConfigurableApplicationContext context, String... args) {
		cli(context, 0, args);
	}

	private static void cli(ConfigurableApplicationContext context, int exitCode, String... args) {
		StringWriter err = new StringWriter();
		CommandLine commandLine = CliRunner.newCommandLine(context);
		commandLine.setOut(new PrintWriter(new StringWriter(), true));
		commandLine.setErr(new PrintWriter(err, true));
		assertThat(commandLine.execute(args)).as(String.join(" ", args) + ": " + err).isEqualTo(exitCode);
	}

	/** {@code console-user add NAME --role ROLE --password-stdin}, the password piped in as a script would. */
	private static void addUser(ConfigurableApplicationContext context, String name, String role, String password) {
		InputStream stdin = System.in;
		try {
			System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
			cli(context, "console-user", "add", name, "--role", role, "--password-stdin");
		}
		finally {
			System.setIn(stdin);
		}
	}

	private static String config(Path home, GateReceiver receiver, String variant) throws IOException {
		Path folder = Files.createDirectories(home.resolve("config-" + variant));
		for (String name : new String[] { "codestream-services-config.json", "container-versions" }) {
			Path copy = folder.resolve(name);
			Files.writeString(copy, Files.readString(DEMO.resolve(variant).resolve(name))
				.replace("http://127.0.0.1:12089", receiver.url()));
			Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
		}
		return folder.resolve("codestream-services-config.json").toString();
	}

}
