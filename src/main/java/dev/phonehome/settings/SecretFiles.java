package dev.phonehome.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files that hold a secret must not be readable by other users; phonehome refuses them rather than warn. */
final class SecretFiles {

	private SecretFiles() {
	}

	/** @param holds what secret the file holds, for the message ("the phone-home key") */
	static void refuseIfReadableByOthers(Path file, String what, String holds) {
		Set<PosixFilePermission> permissions;
		try {
			permissions = Files.getPosixFilePermissions(file);
		}
		catch (UnsupportedOperationException | IOException ex) {
			return; // not a POSIX file system: nothing to check
		}
		if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
			throw new ConfigException(file + ": " + what + " is readable by every user on this machine (mode "
					+ PosixFilePermissions.toString(permissions) + "); it holds " + holds + ". Restrict it: "
					+ "chmod o-rwx " + file + " (for example chmod 600, or 640 with the phonehome user's group).");
		}
	}

}
