package dev.phonehome.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.phonehome.support.Causes;

/**
 * One request: {@code POST {url}/phone-home} with a JSON array of the archived payloads, their bytes verbatim,
 * oldest night first. The JDK client verifies TLS certificates and host names; only an HTTP 200 whose answer
 * arrives complete counts.
 */
class PhoneHomeSender {

	static final String KEY_HEADER = "X-CS-Phone-Home-Key";

	static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

	private final HttpClient client;

	private final DeliveryProperties properties;

	PhoneHomeSender(DeliveryProperties properties) {
		this.properties = properties;
		this.client = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** Sends the set; returns normally only on a complete HTTP 200. */
	void send(PhoneHomeEndpoint endpoint, List<OutboxEntry> set, String idempotencyKey) {
		HttpRequest request;
		try {
			request = HttpRequest.newBuilder(endpoint.uri())
				.timeout(properties.readTimeout())
				.header("Content-Type", "application/json")
				.header(KEY_HEADER, endpoint.revealKey())
				.header(IDEMPOTENCY_HEADER, idempotencyKey)
				.POST(RequestBody.publisher(set.stream().map(OutboxEntry::payloadPath).toList()))
				.build();
		}
		catch (IllegalArgumentException ex) {
			// the key is checked when it is read (PhoneHomeKey.read); should one slip through, the JDK's message
			// quotes it, so it is not passed on
			throw DeliveryFailure.unsendable("the request could not be built: the JDK refused a header value "
					+ "(check the phone-home key: visible ASCII only)");
		}
		// The read timeout covers the whole answer: the JDK's request timeout stops at the headers, and a receiver
		// that sends a status line and then stalls must not hold the night forever.
		CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request,
				HttpResponse.BodyHandlers.ofByteArray());
		HttpResponse<byte[]> response;
		try {
			response = exchange.get(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			exchange.cancel(true);
			throw DeliveryFailure.noAnswer(new HttpTimeoutException(
					"no complete answer within " + properties.readTimeout().toMillis() + " ms"));
		}
		catch (ExecutionException ex) {
			throw classify(ex.getCause() == null ? ex : ex.getCause());
		}
		catch (InterruptedException ex) {
			exchange.cancel(true);
			Thread.currentThread().interrupt();
			throw DeliveryFailure.interrupted(ex);
		}
		if (response.statusCode() != 200) {
			throw DeliveryFailure.answered(response.statusCode());
		}
	}

	/** Refused or unreachable: nothing was sent. Anything else after sending began: the outcome is unknown. */
	private static DeliveryFailure classify(Throwable failure) {
		Throwable refused = Causes
			.find(failure, t -> t instanceof ConnectException || t instanceof HttpConnectTimeoutException)
			.orElse(null);
		if (refused != null) {
			return DeliveryFailure.notConnected(refused);
		}
		if (failure instanceof IOException) {
			return DeliveryFailure.noAnswer(failure);
		}
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		return DeliveryFailure.noAnswer(failure);
	}

}
