package dev.phonehome.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import dev.phonehome.PhoneHomeTestSupport.CliResult;
import dev.phonehome.PostgresTestSupport;
import dev.phonehome.cli.ExitCode;
import dev.phonehome.delivery.StandInReceiver.Behaviour;

/**
 * Nodes that share only PostgreSQL: a night held on one node is approved on another (its payload read from that
 * node's copy), sent once, and every node verifies the decision against the addendum's database copy.
 */
class ApprovalAcrossNodesTests {

	private static final Path DEMO = Path.of("jobs/phone-home/demo").toAbsolutePath();

	private static final String[] PROPERTIES = DeliveryTestSupport.fastDelivery("phonehome.source.stale-margin=60d",
			"phonehome.approval.required-when=first-night");

	@TempDir
	Path homeA;

	@TempDir
	Path homeB;

	@RegisterExtension
	final PostgresTestSupport postgres = new PostgresTestSupport();

	@Test
	void aNightHeldOnOneNodeShouldBeApprovedOnAnotherAndSentOnce() throws Exception {
		// given: node A ran the first night, which the policy holds
		ConfigurableApplicationContext a = postgres.startNode(homeA, PROPERTIES);
		ConfigurableApplicationContext b = postgres.startNode(homeB, PROPERTIES);
		assertThat(PostgresTestSupport.cli(a, "import", "--from", DEMO.resolve("free").toString()).exitCode())
			.isZero();
		try (StandInReceiver receiver = new StandInReceiver(() -> Behaviour.OK, 300)) {
			String config = DeliveryTestSupport.configFor(receiver);
			CliResult held = PostgresTestSupport.cli(a, "run", "--date", "2026-11-20", "--config", config);
			assertThat(held.exitCode()).as(held.err()).isEqualTo(ExitCode.HELD.code());

			// when: node B, which never had the night's files, approves it, then runs the next night
			CliResult approved = PostgresTestSupport.cli(b, "approve", "--date", "2026-11-20", "--by", "Jane Doe",
					"--reason", "first night reviewed", "--allow-same-person");
			CliResult next = PostgresTestSupport.cli(b, "run", "--date", "2026-11-21", "--config", config);

			// then: approved from B's copy, sent once, and both nodes verify the decision
			assertThat(approved.exitCode()).as(approved.out() + approved.err()).isZero();
			assertThat(next.exitCode()).as(next.err()).isZero();
			assertThat(receiver.taken().stream().flatMap(r -> r.nights().stream()))
				.containsExactlyInAnyOrder("2026-11-20", "2026-11-21");
			CliResult verifyA = PostgresTestSupport.cli(a, "verify", "--all");
			CliResult verifyB = PostgresTestSupport.cli(b, "verify", "--all");
			assertThat(verifyA.exitCode()).as(verifyA.out()).isZero();
			assertThat(verifyB.exitCode()).as(verifyB.out()).isZero();
			assertThat(verifyA.out()).contains("held only in the database");
		}
	}

}
