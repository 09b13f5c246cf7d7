package dev.phonehome.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dev.phonehome.audit.content.AuditInput;
import dev.phonehome.record.RunMode;
import dev.phonehome.payload.PayloadJson;
import dev.phonehome.source.CodeReview;
import dev.phonehome.source.Company;
import dev.phonehome.record.NightWindow;
import dev.phonehome.source.Team;
import dev.phonehome.source.User;

/**
 * Ops benchmark, not a test: writes a payload of N users (default 100,000; free plan, so every address is in it)
 * and renders its audit, then prints the time and the peak heap. Run it with a small heap to show the audit's
 * memory is bounded:
 *
 * <pre>
 * mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
 * java -Xmx256m -cp target/test-classes:target/classes:$(cat target/test.classpath) dev.phonehome.audit.AuditBenchmark 100000 /tmp/audit-bench
 * </pre>
 */
public final class AuditBenchmark {

	private AuditBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		int users = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		Path folder = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/audit-benchmark"));
		Path payload = folder.resolve("payload.json");
		writePayload(payload, users);
		AuditInput input = AuditFixtures.archived(payload, false, RunMode.MANUAL, users);

		// a warm-up night compiles the templates, as the first night of a JVM does
		new AuditWriter().write(AuditFixtures.archived(AuditFixtures.FREE_PAYLOAD, false, RunMode.MANUAL, 50),
				Files.createDirectories(folder.resolve("warm-up")), Instant.now());
		System.gc();
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.toList();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		long start = System.nanoTime();
		AuditArtefacts audit = new AuditWriter().write(input, folder, Instant.now());
		long millis = (System.nanoTime() - start) / 1_000_000;
		long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
		System.out.printf("users %d, payload %,d bytes%n", users, Files.size(payload));
		System.out.printf("audit.pdf %,d bytes, audit.csv %,d bytes, written in %,d ms%n", audit.pdf().size(),
				audit.csv().size(), millis);
		System.out.printf("peak heap used %,d MiB (sum of heap pools' peaks; max heap %,d MiB)%n", peak >> 20,
				Runtime.getRuntime().maxMemory() >> 20);
	}

	static void writePayload(Path payload, int users) throws IOException {
		NightWindow night = NightWindow.of(AuditFixtures.NIGHT);
		int companies = Math.max(1, users / 100);
		int teams = Math.max(1, users / 50);
		int reviews = Math.max(1, users / 20);
		try (BufferedWriter out = Files.newBufferedWriter(payload, StandardCharsets.UTF_8)) {
			out.write("{\"date\":" + night.startMillis() + ",\"installationId\":\"83a8de00-88ac-11f0-9d4e-0242ac120003\","
					+ "\"installationVersion\":\"8.2.26\",\"outboundEmailEnabled\":true,"
					+ "\"slackInteractiveComponentsEnabled\":true,\"integrations\":[\"github\",\"jira\",\"slack\"]");
			out.write(",\"companies\":[");
			for (int i = 0; i < companies; i++) {
				out.write((i > 0 ? "," : "") + PayloadJson.company(new Company(id(1, i), "Company " + i, i % 17 == 0,
						night.startMillis() - 86_400_000L * (i % 700), id(3, i), i % 3 == 0 ? "14DAYTRIAL" : "FREEPLAN")));
			}
			out.write("],\"teams\":[");
			for (int i = 0; i < teams; i++) {
				out.write((i > 0 ? "," : "") + PayloadJson.team(new Team(id(2, i), "Team " + i, id(1, i % companies),
						false, night.startMillis() - 3_600_000L * i, id(3, i), "user", "user", "authorship2")));
			}
			out.write("],\"users\":[");
			for (int i = 0; i < users; i++) {
				boolean registered = i % 10 != 0;
				out.write((i > 0 ? "," : "") + PayloadJson.user(new User(id(3, i), "user" + i + "@example.org", registered,
						i % 25 == 0, i % 40 == 0, registered ? night.startMillis() - 60_000L * i : null,
						registered ? "Added to Team" : null, registered ? night.startMillis() + 1000L * (i % 86_000) : null,
						registered ? "VS Code" : null, registered ? "Visual Studio Code" : null, i % 7, i % 3 == 0 ? 1 : 0,
						i % 11 == 0 ? 1 : 0, i % 5), true));
			}
			out.write("],\"codeReviews\":[");
			for (int i = 0; i < reviews; i++) {
				out.write((i > 0 ? "," : "") + PayloadJson.codeReview(new CodeReview(id(2, i % teams), id(4, i),
						night.startMillis() + 1000L * i % 86_400_000L, i % 2 == 0 ? night.startMillis() + 2000L * i % 86_400_000L : null)));
			}
			out.write("]}");
		}
	}

	private static String id(int kind, int i) {
		return String.format("6b%02x%020x", kind, i);
	}

}
