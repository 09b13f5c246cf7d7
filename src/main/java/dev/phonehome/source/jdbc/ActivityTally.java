package dev.phonehome.source.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The night's counts per creator, and who is a team admin, built in one pass over the night's posts and looked up
 * once per user. The map is open addressing over flat arrays (ids as UTF-8 bytes in one arena, four counts and a
 * flag per entry, no object per entry): about 53 bytes per entry with ObjectId-like ids, against some 160 for a
 * {@code HashMap<String, long[]>}. It never grows past {@code maxBytes}: {@link #add} answers {@code false}
 * instead, and the caller falls back to counting per user.
 */
final class ActivityTally {

	static final int CODEMARKS = 0;

	static final int CODEMARKS_IN_REVIEWS = 1;

	static final int REVIEWS = 2;

	static final int REPLIES = 3;

	/** The fifth int of an entry: 1 when the user administers a team they belong to. */
	private static final int ADMIN = 4;

	private static final int INTS = 5;

	private final long maxBytes;

	/** entry index + 1 per slot; 0 is empty. At most half full. */
	private int[] slots = new int[1 << 12];

	/** entry i's id is arena[keyStart[i], keyStart[i + 1]) */
	private int[] keyStart = new int[(1 << 11) + 1];

	private byte[] arena = new byte[(1 << 11) * 24];

	private int[] counts = new int[(1 << 11) * INTS];

	private int size;

	ActivityTally(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	/** Adds one to {@code kind}'s count of {@code id}; {@code false} if that would take the tally past its bound. */
	boolean add(String id, int kind) {
		int entry = entry(id);
		if (entry < 0) {
			return false;
		}
		counts[entry * INTS + kind]++;
		return true;
	}

	/** Marks {@code id} as an admin; {@code false} if that would take the tally past its bound. */
	boolean markAdmin(String id) {
		int entry = entry(id);
		if (entry < 0) {
			return false;
		}
		counts[entry * INTS + ADMIN] = 1;
		return true;
	}

	long count(String id, int kind) {
		int entry = find(id.getBytes(StandardCharsets.UTF_8));
		return entry < 0 ? 0 : counts[entry * INTS + kind];
	}

	boolean isAdmin(String id) {
		int entry = find(id.getBytes(StandardCharsets.UTF_8));
		return entry >= 0 && counts[entry * INTS + ADMIN] == 1;
	}

	int size() {
		return size;
	}

	/** What the arrays hold now, in bytes. */
	long bytes() {
		return 4L * slots.length + 4L * keyStart.length + arena.length + 4L * counts.length;
	}

	private int find(byte[] key) {
		int mask = slots.length - 1;
		for (int slot = hash(key, 0, key.length) & mask;; slot = (slot + 1) & mask) {
			int entry = slots[slot] - 1;
			if (entry < 0) {
				return -1;
			}
			if (keyEquals(entry, key)) {
				return entry;
			}
		}
	}

	/** The entry of {@code id}, added if new; -1 when adding it would pass the bound. */
	private int entry(String id) {
		byte[] key = id.getBytes(StandardCharsets.UTF_8);
		int mask = slots.length - 1;
		int slot = hash(key, 0, key.length) & mask;
		for (;; slot = (slot + 1) & mask) {
			int entry = slots[slot] - 1;
			if (entry < 0) {
				break;
			}
			if (keyEquals(entry, key)) {
				return entry;
			}
		}
		if (!makeRoom(key.length)) {
			return -1;
		}
		if ((size + 1) * 2 > slots.length) {
			rehash();
			mask = slots.length - 1;
			slot = hash(key, 0, key.length) & mask;
			while (slots[slot] != 0) {
				slot = (slot + 1) & mask;
			}
		}
		int entry = size++;
		int start = keyStart[entry];
		System.arraycopy(key, 0, arena, start, key.length);
		keyStart[entry + 1] = start + key.length;
		slots[slot] = entry + 1;
		return entry;
	}

	/** Grows the arrays (by half) for one more entry of {@code keyLength} bytes, unless that passes the bound. */
	private boolean makeRoom(int keyLength) {
		if (bytes() > maxBytes) {
			return false;
		}
		int used = keyStart[size];
		boolean entriesFull = size + 1 >= keyStart.length;
		boolean arenaFull = used + keyLength > arena.length;
		boolean slotsFull = (size + 1) * 2 > slots.length;
		if (!entriesFull && !arenaFull && !slotsFull) {
			return true;
		}
		long entries = entriesFull ? grown(keyStart.length) : keyStart.length;
		long arenaBytes = arenaFull ? Math.max(grown(arena.length), (long) used + keyLength) : arena.length;
		long slotCount = slotsFull ? 2L * slots.length : slots.length;
		long after = 4L * slotCount + 4L * entries + arenaBytes + 4L * INTS * entries;
		if (after > maxBytes || arenaBytes > Integer.MAX_VALUE - 8 || entries * INTS > Integer.MAX_VALUE - 8) {
			return false;
		}
		if (entriesFull) {
			keyStart = Arrays.copyOf(keyStart, (int) entries);
			counts = Arrays.copyOf(counts, (int) entries * INTS);
		}
		if (arenaFull) {
			arena = Arrays.copyOf(arena, (int) arenaBytes);
		}
		return true;
	}

	private static long grown(int length) {
		return length + (length >> 1);
	}

	private void rehash() {
		int[] bigger = new int[slots.length * 2];
		int mask = bigger.length - 1;
		for (int entry = 0; entry < size; entry++) {
			int start = keyStart[entry];
			int slot = hash(arena, start, keyStart[entry + 1]) & mask;
			while (bigger[slot] != 0) {
				slot = (slot + 1) & mask;
			}
			bigger[slot] = entry + 1;
		}
		slots = bigger;
	}

	private boolean keyEquals(int entry, byte[] key) {
		int start = keyStart[entry];
		return Arrays.equals(arena, start, keyStart[entry + 1], key, 0, key.length);
	}

	private static int hash(byte[] bytes, int from, int to) {
		int h = 0x9747b28c;
		for (int i = from; i < to; i++) {
			h = 31 * h + bytes[i];
		}
		// spread the low bits the mask keeps (Murmur3's finaliser)
		h ^= h >>> 16;
		h *= 0x85ebca6b;
		h ^= h >>> 13;
		h *= 0xc2b2ae35;
		return h ^ (h >>> 16);
	}

}
