package dev.phonehome.console;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The vendor's endpoint on loopback: answers every POST with 200, except while it is closed, when it holds each
 * request until it opens again (a night's run then waits in its delivery, holding the night). It keeps each
 * request's body, so a test can count the requests that carried a night's payload.
 */
final class GateReceiver implements AutoCloseable {

	private final HttpServer server;

	private final AtomicInteger requests = new AtomicInteger();

	private final List<String> bodies = new CopyOnWriteArrayList<>();

	private volatile CountDownLatch gate = new CountDownLatch(0);

	GateReceiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(Executors.newCachedThreadPool());
		server.createContext("/phone-home", this::handle);
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** From now on, requests wait until {@link #open()}. */
	void hold() {
		gate = new CountDownLatch(1);
	}

	void open() {
		gate.countDown();
	}

	int requests() {
		return requests.get();
	}

	/** How many requests carried these payload bytes (a request carries one night's payload or several). */
	long requestsCarrying(byte[] payload) {
		String wanted = new String(payload, StandardCharsets.ISO_8859_1);
		return bodies.stream().filter(body -> body.contains(wanted)).count();
	}

	private void handle(HttpExchange exchange) throws IOException {
		bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1));
		requests.incrementAndGet();
		try {
			gate.await(5, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		exchange.sendResponseHeaders(200, -1);
		exchange.close();
	}

	@Override
	public void close() {
		open();
		server.stop(0);
	}

}
