package dev.phonehome.artefact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everything under the home directory is the service user's alone: the store holds every user's address, the
 * archive and the work area what was (or will be) sent. Folders are made 700 and files 600 explicitly, whatever the
 * process's umask (Java cannot set it); on a file system without POSIX permissions nothing is changed.
 */
public final class PrivateFiles {

	public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

	public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	private PrivateFiles() {
	}

	/**
	 * Creates (or tightens) the home directory and its store, archive and work folders, and makes the files already
	 * in the store private: called before the store is opened.
	 */
	public static void prepareHome(Path home) {
		for (Path folder : new Path[] { home, home.resolve("store"), home.resolve("nights"), home.resolve("work") }) {
			folder(folder);
			try {
				restrict(folder, FOLDER);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot restrict " + folder + ": " + ex.getMessage(), ex);
			}
		}
		try (Stream<Path> files = Files.list(home.resolve("store"))) {
			files.filter(Files::isRegularFile).forEach(PrivateFiles::file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + home.resolve("store") + ": " + ex.getMessage(), ex);
		}
	}

	/** Creates the folder, and any missing parent, each 700; a folder that exists is left as it is. */
	public static Path folder(Path folder) {
		try {
			if (!Files.isDirectory(folder)) {
				Path parent = folder.toAbsolutePath().getParent();
				if (parent != null && !Files.isDirectory(parent)) {
					folder(parent);
				}
				Files.createDirectories(folder);
				restrict(folder, FOLDER);
			}
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create " + folder + ": " + ex.getMessage(), ex);
		}
	}

	/** Makes an existing file 600. */
	public static Path file(Path file) {
		try {
			restrict(file, FILE);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot restrict " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
		try {
			if (!Files.getPosixFilePermissions(path).equals(permissions)) {
				Files.setPosixFilePermissions(path, permissions);
			}
		}
		catch (UnsupportedOperationException notPosix) {
			// nothing to restrict on this file system
		}
	}

}
