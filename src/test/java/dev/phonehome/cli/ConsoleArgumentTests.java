package dev.phonehome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only 'console' may start a web server: the command's name is found before Spring starts. */
class ConsoleArgumentTests {

	@Test
	void commandNameShouldBeTheFirstArgumentThatIsNoOptionNorAnOptionsValue() {
		assertThat(ConsoleArgument.commandName(new String[] { "--home", "console", "run", "--date", "2026-11-20" }))
			.isEqualTo("run");
		assertThat(ConsoleArgument.commandName(new String[] { "--log-format", "json", "console", "--port", "0" }))
			.isEqualTo("console");
		assertThat(ConsoleArgument.commandName(new String[] { "--home=/srv/x", "--spring.profiles.active=postgres",
				"console-user", "list" })).isEqualTo("console-user");
		assertThat(ConsoleArgument.commandName(new String[] { "--help" })).isNull();
	}

}
