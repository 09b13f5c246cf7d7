package dev.phonehome;

import java.nio.file.Path;
import java.sql.SQLException;

import org.h2.api.ErrorCode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.web.server.PortInUseException;

import dev.phonehome.cli.BadSetting;
import dev.phonehome.cli.ConsoleArgument;
import dev.phonehome.cli.ExitCode;
import dev.phonehome.cli.HomeArgument;
import dev.phonehome.cli.ImportArgument;
import dev.phonehome.cli.SourceArgument;
import dev.phonehome.artefact.PrivateFiles;
import dev.phonehome.support.Causes;

/**
 * phonehome: the nightly phone-home batch job of an on-prem installation.
 * The command line decides what runs (see {@code cli}); Boot only wires the beans.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PhoneHomeApplication {

	public static void main(String[] args) {
		// The home directory holds the H2 file the datasource opens, so it must be known before the context starts.
		Path home = HomeArgument.resolve(args);
		System.setProperty(HomeArgument.PROPERTY, home.toString());
		// private before the store is opened: it holds every user's address
		PrivateFiles.prepareHome(home);
		// The source decides which reader beans exist, so it must be known before the context starts too.
		SourceArgument.apply(args);
		HomeArgument.applyLogFormat(args);
		ConsoleArgument.apply(args);
		ImportArgument.apply(args);
		// The embedded store runs in H2's mixed mode (AUTO_SERVER): the first process to open it serves the others
		// over TCP. That server listens on loopback only; its random key is in the store's lock file.
		if (System.getProperty("h2.bindAddress") == null) {
			System.setProperty("h2.bindAddress", "127.0.0.1");
		}
		try {
			System.exit(SpringApplication.exit(SpringApplication.run(PhoneHomeApplication.class, args)));
		}
		catch (RuntimeException ex) {
			if (isStoreLocked(ex)) {
				System.err.println("phonehome: the store in " + home + " is in use by another phonehome process; "
						+ "nothing was run. Wait for it to finish (or look for a stuck one with 'ps'), then try again.");
				System.exit(ExitCode.ALREADY_RUNNING.code());
			}
			PortInUseException portInUse = Causes.find(ex, PortInUseException.class).orElse(null);
			if (portInUse != null) {
				System.err.println("phonehome: the console's port " + portInUse.getPort() + " is in use by another "
						+ "program; choose another with --port");
				System.exit(ExitCode.CONFIG.code());
			}
			String badSetting = BadSetting.describe(ex);
			if (badSetting != null) {
				System.err.println(badSetting);
				System.exit(ExitCode.CONFIG.code());
			}
			System.err.println("phonehome: could not start: " + ex.getMessage());
			ex.printStackTrace();
			System.exit(ExitCode.INTERNAL_ERROR.code());
		}
	}

	/**
	 * The store is opened in H2's mixed mode, so another phonehome process is served, not refused; this still
	 * catches a store held by a process that opened it otherwise (an H2 shell, an older phonehome).
	 */
	private static boolean isStoreLocked(Throwable failure) {
		return Causes.find(failure, t -> t instanceof SQLException sql
				&& sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1).isPresent();
	}

}
