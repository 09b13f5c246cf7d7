package dev.phonehome.crash;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vendor's endpoint on loopback for the crash matrix: takes every request with a 200 and remembers, per home
 * (each case's URL path starts with its own home's name), which nights each request held under which key.
 */
final class Receiver implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private record Taken(String home, List<String> nights, String idempotencyKey) {
	}

	private final HttpServer server;

	private final List<Taken> taken = Collections.synchronizedList(new ArrayList<>());

	Receiver() {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.setExecutor(Executors.newCachedThreadPool());
		server.createContext("/", this::take);
		server.start();
	}

	String baseUrl(Path home) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + home.getFileName();
	}

	/** The Idempotency-Key of every request from {@code home} that held {@code night}. */
	List<String> keysOf(Path home, String night) {
		synchronized (taken) {
			return taken.stream()
				.filter(t -> t.home().equals(home.getFileName().toString()) && t.nights().contains(night))
				.map(Taken::idempotencyKey)
				.toList();
		}
	}

	private void take(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			JsonNode body = JSON.readTree(in.readAllBytes());
			List<String> nights = new ArrayList<>();
			for (JsonNode payload : body) {
				nights.add(Instant.ofEpochMilli(payload.get("date").asLong()).atZone(ZoneOffset.UTC).toLocalDate()
					.toString());
			}
			String home = exchange.getRequestURI().getPath().split("/")[1];
			taken.add(new Taken(home, nights, exchange.getRequestHeaders().getFirst("Idempotency-Key")));
			exchange.sendResponseHeaders(200, -1);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
