package dev.phonehome.home;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import dev.phonehome.artefact.Artefact;
import dev.phonehome.artefact.ArtefactWriter;
import dev.phonehome.artefact.Sha256;

/**
 * The database copy of the archive, so that nodes sharing nothing but PostgreSQL can each send, export and verify
 * any night ({@code phonehome.archive.database-copies}, on under the postgres profile). Every artefact a night
 * records is also stored as bytes in {@code phonehome_archive_copy}/{@code _chunk}, in the transaction of the step
 * that records it (the caller's: a crash leaves both or neither). A node keeps its own files under its own home:
 * an artefact archived under a node's {@code nights/} folder lives at the same place under every node's; one
 * written elsewhere ({@code --out}) at its recorded path. A missing local file is restored from the copy, whose
 * digest is checked against the record before the file is moved into place. Off: one node, the recorded paths.
 */
@Component
public class ArchiveCopies {

	private static final Logger log = LoggerFactory.getLogger(ArchiveCopies.class);

	private final JdbcTemplate jdbc;

	private final Path nights;

	private final ArchiveCopyProperties properties;

	private final Clock clock;

	public ArchiveCopies(JdbcTemplate jdbc, PhoneHomeProperties home, ArchiveCopyProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.nights = home.nightsDirectory();
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * One stored copy.
	 *
	 * @param archivePath the artefact's place under the {@code nights/} folder of the node that archived it, or
	 * null when it was written elsewhere
	 */
	public record Copy(long id, LocalDate night, String recordedPath, String archivePath, long size, String sha256) {
	}

	public boolean enabled() {
		return properties.databaseCopies();
	}

	/**
	 * Stores the bytes of an artefact just archived, in the caller's transaction; the bytes read must be the
	 * recorded ones. Does nothing when copies are off or the same artefact is already stored (a step re-run).
	 */
	public void store(LocalDate night, Artefact artefact) {
		if (!enabled() || copyOf(artefact).isPresent()) {
			return;
		}
		Path file = artefact.path().toAbsolutePath();
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var insert = connection.prepareStatement("INSERT INTO phonehome_archive_copy (night, recorded_path, "
					+ "archive_path, size, sha256, stored_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] { "id" });
			insert.setObject(1, night);
			insert.setString(2, file.toString());
			insert.setString(3, file.startsWith(nights) ? relative(nights.relativize(file)) : null);
			insert.setLong(4, artefact.size());
			insert.setString(5, artefact.sha256());
			insert.setTimestamp(6, Timestamp.from(clock.instant()));
			return insert;
		}, key);
		long id = key.getKey().longValue();
		MessageDigest digest = Sha256.newDigest();
		long size = 0;
		byte[] buffer = new byte[chunkBytes()];
		try (InputStream in = Files.newInputStream(file)) {
			int seq = 0;
			for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0;) {
				digest.update(buffer, 0, n);
				size += n;
				jdbc.update("INSERT INTO phonehome_archive_chunk (copy_id, seq, bytes) VALUES (?, ?, ?)", id, seq++,
						n == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, n));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file + " to copy it into the database: " + ex.getMessage(),
					ex);
		}
		if (size != artefact.size() || !Sha256.hex(digest).equals(artefact.sha256())) {
			// rolls the step back: a copy that is not the recorded artefact is never kept
			throw new IllegalStateException(file + " changed while it was copied into the database (sha256 "
					+ Sha256.hex(digest) + ", recorded " + artefact.sha256() + ")");
		}
	}

	/** The stored copy of a recorded artefact, if any. */
	public Optional<Copy> copyOf(Artefact recorded) {
		if (!enabled()) {
			return Optional.empty();
		}
		String path = recorded.path().toAbsolutePath().toString();
		List<Copy> copies = jdbc.query(
				"SELECT id, night, recorded_path, archive_path, size, sha256 FROM phonehome_archive_copy "
						+ "WHERE sha256 = ? AND recorded_path = ? ORDER BY id",
				(rs, row) -> new Copy(rs.getLong("id"), rs.getObject("night", LocalDate.class),
						rs.getString("recorded_path"), rs.getString("archive_path"), rs.getLong("size"),
						rs.getString("sha256")),
				recorded.sha256(), path);
		return copies.stream().findFirst();
	}

	/** Where this node keeps a recorded artefact (whether the file is there or not). */
	public Path local(Artefact recorded) {
		return copyOf(recorded).map(this::local).orElse(recorded.path().toAbsolutePath());
	}

	/** Where this node keeps the artefact of a copy. */
	public Path local(Copy copy) {
		return copy.archivePath() != null ? nights.resolve(copy.archivePath()) : Path.of(copy.recordedPath());
	}

	/**
	 * The recorded artefact as a file on this node: its local path if the file is there (as it is: the caller
	 * checks its digest), else restored there from the database copy, checked against the recorded digest first.
	 * Empty when neither exists.
	 */
	public Optional<Path> available(Artefact recorded) {
		Optional<Copy> copy = copyOf(recorded);
		Path local = copy.map(this::local).orElse(recorded.path().toAbsolutePath());
		if (Files.isRegularFile(local)) {
			return Optional.of(local);
		}
		if (copy.isEmpty()) {
			return Optional.empty();
		}
		restore(copy.get(), local);
		return Optional.of(local);
	}

	/** {@link #available(Artefact)} of an artefact known by its recorded path and digest. */
	public Optional<Path> available(Path recordedPath, String sha256) {
		return available(new Artefact(recordedPath, -1, sha256));
	}

	/** Recomputes what the database copy holds now (its bytes, not its row). */
	public Artefact describe(Copy copy) {
		MessageDigest digest = Sha256.newDigest();
		long[] size = { 0 };
		readChunks(copy, bytes -> {
			digest.update(bytes);
			size[0] += bytes.length;
		});
		return new Artefact(Path.of(copy.recordedPath()), size[0], Sha256.hex(digest));
	}

	private void restore(Copy copy, Path local) {
		ArtefactWriter.write(local, out -> readChunks(copy, bytes -> write(out, bytes)), written -> {
			Artefact restored = ArtefactWriter.describe(written);
			if (!restored.sha256().equals(copy.sha256()) || restored.size() != copy.size()) {
				throw new IllegalStateException("the database copy of " + copy.recordedPath() + " (night "
						+ copy.night() + ") no longer matches its record (sha256 " + restored.sha256() + ", recorded "
						+ copy.sha256() + "); it was not restored");
			}
		});
		log.info("night {}: {} restored from the database copy (sha256 {})", copy.night(), local, copy.sha256());
	}

	private void readChunks(Copy copy, java.util.function.Consumer<byte[]> consumer) {
		// one chunk in memory at a time
		jdbc.query("SELECT bytes FROM phonehome_archive_chunk WHERE copy_id = ? ORDER BY seq",
				rs -> {
					consumer.accept(rs.getBytes(1));
				}, copy.id());
	}

	private static void write(OutputStream out, byte[] bytes) {
		try {
			out.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private int chunkBytes() {
		return (int) Math.max(1024, Math.min(properties.chunkSize().toBytes(), 64L << 20));
	}

	private static String relative(Path path) {
		return path.toString().replace(java.io.File.separatorChar, '/');
	}

}
