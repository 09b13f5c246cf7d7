package dev.phonehome.artefact;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

import dev.phonehome.failpoint.Failpoint;

/**
 * Writes artefacts atomically: into a temporary file in the target's folder, then moved into place, so a reader
 * (or a crash) never sees half a payload or audit. Digests the bytes as they are written.
 */
public final class ArtefactWriter {

	private ArtefactWriter() {
	}

	@FunctionalInterface
	public interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

	/** Content that also answers something it learnt while writing (counts, a tally). */
	@FunctionalInterface
	public interface ProducingContent<T> {

		T writeTo(OutputStream out) throws IOException;

	}

	/** An artefact written, with what its content answered. */
	public record Written<T>(Artefact artefact, T answer) {
	}

	public static Artefact write(Path target, Content content) {
		return write(target, content, written -> {
		});
	}

	/**
	 * Like {@link #write(Path, Content)}, but {@code check} sees the complete temporary file before it is moved
	 * into place; if it throws, nothing is archived.
	 */
	public static Artefact write(Path target, Content content, java.util.function.Consumer<Path> check) {
		return writeProducing(target, out -> {
			content.writeTo(out);
			return null;
		}, check).artefact();
	}

	/** Like {@link #write(Path, Content, java.util.function.Consumer)}, and returns what the content answered. */
	public static <T> Written<T> writeProducing(Path target, ProducingContent<T> content,
			java.util.function.Consumer<Path> check) {
		Path folder = target.toAbsolutePath().getParent();
		Path temp = null;
		try {
			PrivateFiles.folder(folder);
			deleteLeftovers(folder, target.getFileName().toString());
			// created 600 by the JDK, whatever the umask
			temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
			MessageDigest digest = Sha256.newDigest();
			long size;
			T answer;
			try (DigestOutputStream digesting = new DigestOutputStream(Files.newOutputStream(temp), digest);
					CountingOutputStream counting = new CountingOutputStream(digesting);
					OutputStream out = new BufferedOutputStream(counting, 1 << 16)) {
				answer = content.writeTo(out);
				out.flush();
				size = counting.count();
			}
			check.accept(temp);
			// on disk before it is moved into place, and the move on disk before anyone records it: a power cut
			// never leaves a recorded (or queued) artefact empty
			sync(temp, false);
			Failpoint.ARTEFACT_BEFORE_MOVE.hit();
			move(temp, target);
			sync(folder, true);
			return new Written<>(new Artefact(target.toAbsolutePath(), size, Sha256.hex(digest)), answer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + target + ": " + ex.getMessage(), ex);
		}
		finally {
			deleteQuietly(temp);
		}
	}

	/** Recomputes what an artefact on disk is now. */
	public static Artefact describe(Path file) {
		MessageDigest digest = Sha256.newDigest();
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[1 << 16];
			long size = 0;
			for (int n; (n = in.read(buffer)) > 0;) {
				digest.update(buffer, 0, n);
				size += n;
			}
			return new Artefact(file.toAbsolutePath(), size, Sha256.hex(digest));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** A temporary file of the same target left by a process that died while writing it. */
	private static void deleteLeftovers(Path folder, String name) throws IOException {
		try (var leftovers = Files.newDirectoryStream(folder, "." + globQuoted(name) + ".*.tmp")) {
			for (Path leftover : leftovers) {
				Files.deleteIfExists(leftover);
			}
		}
	}

	private static String globQuoted(String name) {
		return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
	}

	/** fsync of a file, or of a folder's entries (where the platform allows opening a folder). */
	private static void sync(Path path, boolean folder) throws IOException {
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			if (!folder) {
				throw ex;
			}
			// some platforms cannot open a folder for reading; the file itself was synced
		}
	}

	private static void move(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void deleteQuietly(Path temp) {
		if (temp != null) {
			try {
				Files.deleteIfExists(temp);
			}
			catch (IOException ignored) {
				// a leftover temp file is harmless: it is hidden and never read
			}
		}
	}

	private static final class CountingOutputStream extends java.io.FilterOutputStream {

		private long count;

		CountingOutputStream(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			out.write(b);
			count++;
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
			count += len;
		}

		long count() {
			return count;
		}

	}

}
