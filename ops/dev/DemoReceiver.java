import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the vendor's phone-home endpoint, for the demo and for trying delivery by hand: it listens on
 * loopback, answers POST /phone-home with 200 when the X-CS-Phone-Home-Key header is the expected key (401
 * otherwise), and keeps each request body it took in a folder. Not part of phonehome; run it with the JDK alone:
 *
 *   java ops/dev/DemoReceiver.java PORT KEY FOLDER
 */
public class DemoReceiver {

	public static void main(String[] args) throws IOException {
		if (args.length != 3) {
			System.err.println("usage: java ops/dev/DemoReceiver.java PORT KEY FOLDER");
			System.exit(2);
		}
		int port = Integer.parseInt(args[0]);
		String key = args[1];
		Path folder = Files.createDirectories(Path.of(args[2]));
		AtomicInteger received = new AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		server.createContext("/phone-home", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			boolean authorised = "POST".equals(exchange.getRequestMethod())
					&& key.equals(exchange.getRequestHeaders().getFirst("X-CS-Phone-Home-Key"));
			if (authorised) {
				Path file = folder.resolve("request-" + received.incrementAndGet() + ".json");
				Files.write(file, body);
				System.out.println("demo receiver: took " + body.length + " bytes (Idempotency-Key "
						+ exchange.getRequestHeaders().getFirst("Idempotency-Key") + ") into " + file);
			}
			exchange.sendResponseHeaders(authorised ? 200 : 401, -1);
			exchange.close();
		});
		server.start();
		System.out.println("demo receiver: listening on http://127.0.0.1:" + port + "/phone-home");
	}

}
