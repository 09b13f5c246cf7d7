package dev.phonehome.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.SecurityFilterChain;

import dev.phonehome.PhoneHomeTestSupport;
import dev.phonehome.cli.ExitCode;

/**
 * {@code phonehome console-user}: the console's users file, with passwords hashed by Spring Security's encoder and
 * never stored in clear; and the plain commands' process, which serves no page.
 */
class ConsoleUserCommandTests extends PhoneHomeTestSupport {

	private static final Path USERS = HOME.resolve("console").resolve("users");

	private static final String PASSWORD = "a long enough password";

	@BeforeEach
	void noUsers() {
		deleteRecursively(HOME.resolve("console"));
	}

	@Test
	void addedUserShouldBeStoredWithAHashOnlyInAFileOnlyItsOwnerReads() throws Exception {
		// when
		CliResult added = addUser("carol", "approver", PASSWORD);
		CliResult list = cli("console-user", "list");

		// then
		assertThat(added.exitCode()).as(added.err()).isZero();
		assertThat(added.out()).contains("console user 'carol' added as approver");
		String file = Files.readString(USERS);
		assertThat(file).contains("carol:approver:{bcrypt}$2").doesNotContain(PASSWORD);
		String hash = file.lines().filter(l -> l.startsWith("carol:")).findFirst().orElseThrow().split(":", 3)[2];
		assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches(PASSWORD, hash)).isTrue();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(USERS))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(USERS.getParent()))).isEqualTo("rwx------");
		assertThat(list.out()).contains("carol").contains("approver").contains("password");
	}

	@Test
	void badAdditionsShouldBeRefusedAndChangeNothing() throws Exception {
		// given
		addUser("carol", "viewer", PASSWORD);
		String before = Files.readString(USERS);

		// when
		CliResult again = addUser("carol", "approver", PASSWORD);
		CliResult shortPassword = addUser("dave", "viewer", "short");
		CliResult unknownRole = addUser("dave", "admin", PASSWORD);
		CliResult badName = addUser("dave:admin", "viewer", PASSWORD);

		// then
		assertThat(again.exitCode()).isEqualTo(ExitCode.USAGE.code());
		assertThat(again.err()).contains("user 'carol' exists already");
		assertThat(shortPassword.err()).contains("too short: at least 12 characters");
		assertThat(unknownRole.err()).contains("unknown role 'admin': use viewer or approver");
		assertThat(badName.err()).contains("is not a valid user name");
		assertThat(Files.readString(USERS)).isEqualTo(before);
	}

	@Test
	void removedUserShouldBeGoneAndOidcOnlyUserShouldHaveNoPassword() throws Exception {
		// given
		addUser("carol", "viewer", PASSWORD);

		// when
		CliResult oidc = cli("console-user", "add", "erin@example.org", "--role", "approver", "--oidc-only");
		CliResult removed = cli("console-user", "remove", "carol");
		CliResult missing = cli("console-user", "remove", "carol");

		// then
		assertThat(oidc.exitCode()).as(oidc.err()).isZero();
		assertThat(removed.exitCode()).isZero();
		assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE.code());
		assertThat(Files.readString(USERS)).doesNotContain("carol").contains("erin@example.org:approver:-");
	}

	@Test
	void clearTextPasswordInTheFileShouldBeRefusedNamingTheLine() throws Exception {
		// given: someone edited the file by hand
		addUser("carol", "viewer", PASSWORD);
		Files.writeString(USERS, Files.readString(USERS) + "mallory:approver:secret123456\n");

		// when
		CliResult list = cli("console-user", "list");

		// then
		assertThat(list.exitCode()).isNotZero();
		assertThat(list.err()).contains(USERS + " line 3: the password is not an encoded hash");
	}

	@Test
	void plainCommandsShouldServeNoPage() {
		// then: the context every command but 'console' runs in has no web server and no security filter
		assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
		assertThat(context.getBeanNamesForType(SecurityFilterChain.class)).isEmpty();
	}

	private CliResult addUser(String name, String role, String password) {
		InputStream stdin = System.in;
		try {
			System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
			return cli("console-user", "add", name, "--role", role, "--password-stdin");
		}
		finally {
			System.setIn(stdin);
		}
	}

}
