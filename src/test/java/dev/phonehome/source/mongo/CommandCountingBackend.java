package dev.phonehome.source.mongo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's memory backend, counting the commands that start a pass over a collection ({@code find},
 * {@code aggregate}, {@code count}, {@code distinct}) as the server receives them; the {@code getMore}s that
 * continue a pass are not counted. Public for the benchmark's MongoDB run.
 */
public final class CommandCountingBackend extends MemoryBackend {

	private static final java.util.Set<String> PASSES = java.util.Set.of("find", "aggregate", "count", "distinct");

	private final Map<String, AtomicInteger> passes = new ConcurrentHashMap<>();

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		if (PASSES.contains(command) && query.get(command) instanceof String collection) {
			passes.computeIfAbsent(command + " " + collection, key -> new AtomicInteger()).incrementAndGet();
		}
		return super.handleCommand(channel, databaseName, command, query);
	}

	/** Commands of this kind ({@code find}, {@code aggregate}, ...) received for this collection since the reset. */
	public int passes(String command, String collection) {
		AtomicInteger count = passes.get(command + " " + collection);
		return count == null ? 0 : count.get();
	}

	public void reset() {
		passes.clear();
	}

}
