package dev.phonehome.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vendor's endpoint, stood in for on loopback by the JDK's HTTP server. Each request gets the next
 * {@link Behaviour}; every request is recorded, and so is every set the receiver took (it takes a set when it
 * decides to answer 200, whether or not that answer reaches the client).
 */
final class StandInReceiver implements AutoCloseable {

	static final String KEY = "test-phone-home-key";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What the receiver does with one request. */
	enum Behaviour {

		/** Takes it, answers 200. */
		OK,
		/** Answers 500: not taken. */
		SERVER_ERROR,
		/** Answers 503: not taken. */
		UNAVAILABLE,
		/** Takes it, answers 200 after the client's read timeout. */
		SLOW,
		/** Takes it, starts a 200 and closes the connection before the body is complete. */
		CLOSE_EARLY,
		/** Takes it and never answers (until the receiver is closed). */
		HANG,
		/** Takes it, but a proxy in between answers 502 (the origin's 200 is lost on the way back). */
		TAKEN_THEN_BAD_GATEWAY,
		/** Refuses it as too large (413): not taken. */
		TOO_LARGE

	}

	record Request(String idempotencyKey, String phoneHomeKey, List<String> nights, List<String> sha256s,
			Behaviour behaviour) {
	}

	private final HttpServer server;

	private final java.util.function.Function<List<String>, Behaviour> behaviours;

	private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

	private final List<Request> taken = Collections.synchronizedList(new ArrayList<>());

	private final CountDownLatch closing = new CountDownLatch(1);

	private final long slowMillis;

	StandInReceiver(Supplier<Behaviour> behaviours, long slowMillis) throws IOException {
		this(nights -> behaviours.get(), slowMillis);
	}

	/** A receiver whose answer depends on the nights a request holds. */
	StandInReceiver(java.util.function.Function<List<String>, Behaviour> behaviours, long slowMillis)
			throws IOException {
		this.behaviours = behaviours;
		this.slowMillis = slowMillis;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/phone-home", this::handle);
		this.server.start();
	}

	static StandInReceiver answering(Behaviour... sequence) throws IOException {
		List<Behaviour> script = List.of(sequence);
		int[] next = { 0 };
		return new StandInReceiver(() -> {
			synchronized (next) {
				return script.get(Math.min(next[0]++, script.size() - 1));
			}
		}, 6000);
	}

	String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	List<Request> requests() {
		synchronized (requests) {
			return List.copyOf(requests);
		}
	}

	List<Request> taken() {
		synchronized (taken) {
			return List.copyOf(taken);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		boolean closeQuietly = true;
		try {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			JsonNode array = JSON.readTree(body);
			List<String> nights = new ArrayList<>();
			List<String> sha256s = new ArrayList<>();
			for (JsonNode payload : array) {
				nights.add(java.time.Instant.ofEpochMilli(payload.get("date").asLong())
					.atZone(java.time.ZoneOffset.UTC)
					.toLocalDate()
					.toString());
			}
			int from = 1;
			for (int i = 0; i < array.size(); i++) {
				// the SHA-256 of each element as sent: the archived bytes, verbatim
				int depth = 0;
				int start = from;
				int at = from;
				boolean inString = false;
				for (; at < body.length; at++) {
					byte b = body[at];
					if (inString) {
						if (b == '\\') {
							at++;
						}
						else if (b == '"') {
							inString = false;
						}
					}
					else if (b == '"') {
						inString = true;
					}
					else if (b == '{') {
						depth++;
					}
					else if (b == '}' && --depth == 0) {
						break;
					}
				}
				sha256s.add(sha256(java.util.Arrays.copyOfRange(body, start, at + 1)));
				from = at + 2;
			}
			Behaviour behaviour = behaviours.apply(nights);
			String phoneHomeKey = exchange.getRequestHeaders().getFirst("X-CS-Phone-Home-Key");
			Request request = new Request(exchange.getRequestHeaders().getFirst("Idempotency-Key"), phoneHomeKey,
					nights, sha256s, behaviour);
			requests.add(request);
			if (!KEY.equals(phoneHomeKey)) {
				exchange.sendResponseHeaders(401, -1);
				return;
			}
			switch (behaviour) {
				case OK -> {
					taken.add(request);
					respond(exchange, 200, "{\"ok\":true}");
				}
				case SERVER_ERROR -> respond(exchange, 500, "{\"error\":\"boom\"}");
				case UNAVAILABLE -> respond(exchange, 503, "{\"error\":\"later\"}");
				case SLOW -> {
					taken.add(request);
					pause(slowMillis);
					respond(exchange, 200, "{\"ok\":true}");
				}
				case CLOSE_EARLY -> {
					taken.add(request);
					exchange.sendResponseHeaders(200, 100);
					OutputStream out = exchange.getResponseBody();
					out.write("{\"ok\"".getBytes(StandardCharsets.UTF_8));
					out.flush();
					// a handler that throws makes the JDK server drop the connection: 95 bytes never come
					closeQuietly = false;
					throw new IOException("closing the connection early, on purpose");
				}
				case TAKEN_THEN_BAD_GATEWAY -> {
					taken.add(request);
					respond(exchange, 502, "{\"error\":\"bad gateway\"}");
				}
				case TOO_LARGE -> respond(exchange, 413, "{\"error\":\"too large\"}");
				case HANG -> {
					taken.add(request);
					pause(TimeUnit.MINUTES.toMillis(10));
				}
			}
		}
		finally {
			if (closeQuietly) {
				exchange.close();
			}
		}
	}

	private void pause(long millis) {
		try {
			closing.await(millis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	static String sha256(byte[] bytes) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		closing.countDown();
		server.stop(0);
	}

}
