package dev.phonehome.verify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code phonehome_chain} table: entries are appended one at a time, in one order, under the {@code chain} row
 * lock, each in a transaction of its own; nothing is ever updated or deleted.
 */
@Component
public class ChainStore {

	/** The digest the first entry links to. */
	public static final String GENESIS = "0".repeat(64);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	private final ChainDigests digests;

	private final Clock clock;

	ChainStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ChainDigests digests, Clock clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.digests = digests;
		this.clock = clock;
	}

	/** Appends an entry after the last one, whoever else appends at the same time. */
	public ChainEntry append(String subject, String event, String text) {
		return ownTransaction.execute(status -> {
			jdbc.queryForList("SELECT name FROM phonehome_lock WHERE name = 'chain' FOR UPDATE", String.class);
			List<ChainEntry> last = jdbc.query("SELECT * FROM phonehome_chain ORDER BY seq DESC LIMIT 1", ChainStore::row);
			long seq = last.isEmpty() ? 1 : last.get(0).seq() + 1;
			String previous = last.isEmpty() ? GENESIS : last.get(0).digest();
			String scheme = digests.scheme();
			ChainEntry entry = new ChainEntry(seq, subject, event, text, previous,
					digests.digest(scheme, text, previous), scheme, clock.instant());
			jdbc.update("INSERT INTO phonehome_chain (seq, subject, event, entry_text, previous_digest, digest, scheme, "
					+ "appended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", entry.seq(), subject, event, text, previous,
					entry.digest(), scheme, OffsetDateTime.ofInstant(entry.appendedAt(), ZoneOffset.UTC));
			return entry;
		});
	}

	/** Whether anything about {@code subject} was ever appended. */
	public boolean contains(String subject) {
		Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM phonehome_chain WHERE subject = ?", Integer.class,
				subject);
		return count != null && count > 0;
	}

	/** Every entry, in the order appended. */
	public List<ChainEntry> entries() {
		return jdbc.query("SELECT * FROM phonehome_chain ORDER BY seq", ChainStore::row);
	}

	private static ChainEntry row(ResultSet rs, int rowNum) throws SQLException {
		return new ChainEntry(rs.getLong("seq"), rs.getString("subject"), rs.getString("event"),
				rs.getString("entry_text"), rs.getString("previous_digest"), rs.getString("digest"),
				rs.getString("scheme"), rs.getObject("appended_at", OffsetDateTime.class).toInstant());
	}

}
