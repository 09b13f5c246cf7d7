package dev.phonehome.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.util.FileSystemUtils;

import dev.phonehome.artefact.ArtefactWriter;
import dev.phonehome.console.NightView.FileKind;

/**
 * The console as a compliance officer uses it: {@code phonehome console} started in a process of its own on a
 * random loopback port over a temporary home with several nights, driven by headless Chromium. Night runs go on in
 * other processes while it is up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTests {

	/** Where the screenshots go: target/ by default; {@code -Dconsole.screenshots=ops/console} renews the README's. */
	private static final Path SCREENSHOTS = Path.of(System.getProperty("console.screenshots", "target/console-screenshots"));

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private ConsoleTestHome home;

	private PhonehomeProcess console;

	private Browser browser;

	private String base;

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(30))
		.build();

	@BeforeAll
	void startTheConsole() throws Exception {
		home = ConsoleTestHome.create();
		console = PhonehomeProcess.start(home.home, "console", "console", "--port", "0");
		base = console.awaitConsoleUrl();
		browser = new Browser(base);
	}

	@AfterAll
	void stopTheConsole() throws Exception {
		if (browser != null) {
			browser.close();
		}
		if (console != null) {
			console.close();
		}
		home.receiver.close();
		FileSystemUtils.deleteRecursively(home.home);
	}

	@Test
	void unauthenticatedRequestsShouldGoToTheLoginPage() throws Exception {
		// when
		browser.driver.manage().deleteAllCookies();
		browser.open("/nights/2026-11-20");
		HttpResponse<String> page = get("/trends", null);
		HttpResponse<String> login = get("/login", null);

		// then
		assertThat(browser.path()).isEqualTo("/login");
		assertThat(browser.text()).contains("Sign in");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		assertThat(login.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'").doesNotContain("script-src")
				.doesNotContain("unsafe-inline"));
	}

	@Test
	void approverShouldListTheNightsAndOpenOneWithItsDecisionsReceiptsAndDigests() {
		// given
		NightView paid = home.night("2026-11-20", "MANUAL");

		// when
		browser.signIn(ConsoleTestHome.APPROVER, ConsoleTestHome.APPROVER_PASSWORD);
		String nights = browser.text();
		browser.follow(By.cssSelector("a[href='/nights/2026-11-20/executions/" + paid.executionId() + "']"));

		// then
		assertThat(nights).contains("2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "dry run", "DELIVERED");
		assertThat(browser.path()).isEqualTo("/nights/2026-11-20/executions/" + paid.executionId());
		assertThat(browser.text()).contains("Night 2026-11-20, execution " + paid.executionId(), "redacted",
				"Idempotency-Key", paid.delivery().idempotencyKey(), "DELIVERED",
				paid.file(FileKind.AUDIT_PDF).orElseThrow().sha256(), paid.chain().digest(),
				"Changes since the previous night");
		browser.screenshot(SCREENSHOTS.resolve("night.png"), 1500);
	}

	@Test
	void downloadedAuditShouldHaveTheSha256OfTheRecord() throws Exception {
		// given
		NightView free = home.night("2026-11-19", "MANUAL");
		String recorded = free.file(FileKind.AUDIT_PDF).orElseThrow().sha256();
		browser.signIn(ConsoleTestHome.APPROVER, ConsoleTestHome.APPROVER_PASSWORD);
		browser.open("/nights/2026-11-19/executions/" + free.executionId());

		// when
		browser.driver.findElement(By.id("download-audit-pdf")).click();
		Path pdf = browser.awaitDownload("2026-11-19-execution-" + free.executionId() + "-audit.pdf");
		HttpResponse<String> inline = get("/nights/2026-11-19/executions/" + free.executionId()
				+ "/files/audit.pdf?inline=true", browser.sessionCookie());

		// then
		assertThat(ArtefactWriter.describe(pdf).sha256()).isEqualTo(recorded);
		assertThat(browser.driver.findElement(By.id("sha-audit-pdf")).getText()).isEqualTo(recorded);
		assertThat(inline.statusCode()).isEqualTo(200);
		assertThat(inline.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(inline.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("inline"));
		assertThat(inline.headers().firstValue("Repr-Digest"))
			.hasValue("sha-256=:" + java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex(recorded)) + ":");
	}

	@Test
	void trendsShouldDrawTheChartsOfThePeriod() {
		// when
		browser.signIn(ConsoleTestHome.APPROVER, ConsoleTestHome.APPROVER_PASSWORD);
		browser.open("/trends?from=2026-11-17&to=2026-11-20");
		WebElement users = browser.driver.findElement(By.id("chart-users"));
		WebElement emails = browser.driver.findElement(By.id("chart-emails"));

		// then: four nights, two lines, drawn
		assertThat(users.getAttribute("data-points")).isEqualTo("8");
		assertThat(users.findElements(By.cssSelector("path.series"))).hasSize(2);
		assertThat(users.findElements(By.tagName("circle"))).hasSize(8);
		assertThat(emails.findElements(By.cssSelector("rect.series"))).isNotEmpty();
		assertThat(browser.text()).contains("Users and active users", "Emails sent and redacted", "Companies by plan",
				"Integrations", "Payload size", "Delivery delay");
		browser.screenshot(SCREENSHOTS.resolve("trends.png"), 1400);
	}

	@Test
	void heldNightShouldBeRefusedToAViewerAndToItsOwnOsUserThenApprovedWithCsrfAndSentOnce() throws Exception {
		// given: the night the real scope gate held when it ran (emails on again after a paid night)
		NightView held = home.night(ConsoleTestHome.HELD, "MANUAL");
		long execution = held.executionId();
		String approve = "/approvals/" + ConsoleTestHome.HELD + "/executions/" + execution + "/approve";
		String nightPage = "/nights/" + ConsoleTestHome.HELD + "/executions/" + execution;
		byte[] payload = Files.readAllBytes(held.file(FileKind.PAYLOAD).orElseThrow().path());
		browser.signIn(ConsoleTestHome.VIEWER, ConsoleTestHome.VIEWER_PASSWORD);
		browser.open("/approvals");
		String viewerList = browser.text();
		String viewerCookie = browser.sessionCookie();

		// when: the viewer's browser sends the approve form anyway, with a valid CSRF token
		boolean viewerSeesButtons = !browser.driver.findElements(By.id("approve-" + execution)).isEmpty();
		String viewerToken = csrf(get("/approvals", viewerCookie).body());
		HttpResponse<String> viewerApprove = post(approve, viewerCookie,
				Map.of("_csrf", viewerToken, "comment", "looks fine"));
		browser.driver.executeScript("const f = document.createElement('form'); f.method = 'post';"
				+ "f.action = '" + approve + "';"
				+ "const t = document.createElement('input'); t.type = 'hidden'; t.name = '_csrf';"
				+ "t.value = document.querySelector('input[name=_csrf]').value; f.appendChild(t);"
				+ "document.body.appendChild(f); f.submit();");
		String refusedPage = browser.text();

		// and the OS user who ran the night, an approver in the console, approves it from the page
		browser.signIn(ConsoleTestHome.OS_USER, ConsoleTestHome.OS_USER_PASSWORD);
		browser.open("/approvals");
		browser.follow(By.id("approve-" + execution));
		String samePersonPage = browser.text();
		String osUserCookie = browser.sessionCookie();
		HttpResponse<String> samePerson = post(approve, osUserCookie,
				Map.of("_csrf", csrf(get("/approvals", osUserCookie).body()), "comment", "my own night"));

		// and a second person approves it, from the page
		browser.signIn(ConsoleTestHome.APPROVER, ConsoleTestHome.APPROVER_PASSWORD);
		browser.open("/approvals");
		browser.screenshot(SCREENSHOTS.resolve("approvals.png"), 800);
		browser.driver.findElement(By.id("approve-comment-" + execution)).sendKeys("second pair of eyes");
		browser.follow(By.id("approve-" + execution));
		String approvedPage = browser.text();
		String approvedPath = browser.path();
		String approverCookie = browser.sessionCookie();
		HttpResponse<String> withoutToken = post(approve, approverCookie, Map.of("comment", "no token"));
		HttpResponse<String> again = post(approve, approverCookie,
				Map.of("_csrf", csrf(get("/approvals", approverCookie).body()), "comment", "twice"));
		long sentBefore = home.receiver.requestsCarrying(payload);
		PhonehomeProcess history = historyOf(ConsoleTestHome.HELD, "history-approved");
		int historyExit = history.awaitExit();

		// and the next night's run sends the backlog
		PhonehomeProcess next = paidNight("2026-11-22", "run-after-approval");
		int nextExit = next.awaitExit();
		browser.open(nightPage);
		String night = browser.text();
		String approval = browser.driver.findElement(By.id("approval")).getText();

		// then
		assertThat(viewerList).contains(ConsoleTestHome.HELD, "users' email addresses are included again");
		assertThat(viewerSeesButtons).isFalse();
		assertThat(viewerApprove.statusCode()).isEqualTo(403);
		assertThat(refusedPage).contains("403", "your role does not allow this");
		assertThat(samePerson.statusCode()).isEqualTo(409);
		assertThat(samePersonPage).contains("409", "night " + ConsoleTestHome.HELD + " was run by OS user "
				+ ConsoleTestHome.OS_USER + ", and you are signed in as " + ConsoleTestHome.OS_USER
				+ ": a second person must approve it", "nothing was changed");
		assertThat(samePerson.body()).contains("a second person must approve it").doesNotContain("Exception");
		assertThat(approvedPage).contains("night " + ConsoleTestHome.HELD + " approved by " + ConsoleTestHome.APPROVER
				+ " (execution " + execution + ", payload sha256 " + held.file(FileKind.PAYLOAD).orElseThrow().sha256());
		assertThat(approvedPath).isEqualTo("/approvals");
		assertThat(withoutToken.statusCode()).isEqualTo(403);
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("already approved");
		assertThat(historyExit).as(history.err()).isZero();
		assertThat(history.out()).contains("approved by " + ConsoleTestHome.APPROVER, "second pair of eyes");
		assertThat(sentBefore).isZero();
		assertThat(nextExit).as(next.err()).isZero();
		assertThat(home.receiver.requestsCarrying(payload)).isEqualTo(1);
		assertThat(approval).startsWith("approved by " + ConsoleTestHome.APPROVER + " (OS user ")
			.endsWith(": second pair of eyes");
		assertThat(night).contains("DELIVERED");
	}

	@Test
	void heldNightShouldBeRejectedWithAReasonFromThePageAndNeverSent() throws Exception {
		// given: a second night the real scope gate held
		NightView held = home.night(ConsoleTestHome.HELD_TO_REJECT, "MANUAL");
		long execution = held.executionId();
		String reject = "/approvals/" + ConsoleTestHome.HELD_TO_REJECT + "/executions/" + execution + "/reject";
		byte[] payload = Files.readAllBytes(held.file(FileKind.PAYLOAD).orElseThrow().path());
		browser.signIn(ConsoleTestHome.APPROVER, ConsoleTestHome.APPROVER_PASSWORD);
		browser.open("/approvals");
		String cookie = browser.sessionCookie();
		HttpResponse<String> withoutReason = post(reject, cookie,
				Map.of("_csrf", csrf(get("/approvals", cookie).body()), "comment", " "));

		// when: rejected from the page, with the reason
		browser.driver.findElement(By.id("reject-comment-" + execution)).sendKeys("addresses must not leave yet");
		browser.follow(By.id("reject-" + execution));
		String rejectedPage = browser.text();
		HttpResponse<String> again = post(reject, cookie,
				Map.of("_csrf", csrf(get("/approvals", cookie).body()), "comment", "twice"));
		PhonehomeProcess history = historyOf(ConsoleTestHome.HELD_TO_REJECT, "history-rejected");
		int historyExit = history.awaitExit();
		// and a later night's run sends what is queued
		PhonehomeProcess next = paidNight("2026-11-26", "run-after-rejection");
		int nextExit = next.awaitExit();

		// then
		assertThat(withoutReason.statusCode()).isEqualTo(400);
		assertThat(withoutReason.body()).contains("a rejection needs a comment saying why");
		assertThat(rejectedPage).contains("night " + ConsoleTestHome.HELD_TO_REJECT + " rejected by "
				+ ConsoleTestHome.APPROVER + " (execution " + execution + "); it stays archived and is never sent");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("was rejected");
		assertThat(historyExit).as(history.err()).isZero();
		assertThat(history.out()).contains("rejected by " + ConsoleTestHome.APPROVER, "addresses must not leave yet");
		assertThat(nextExit).as(next.err()).isZero();
		assertThat(home.receiver.requestsCarrying(payload)).isZero();
	}

	@Test
	void accessLogShouldRecordWhoLookedAtWhatAndExportAsCsv() throws Exception {
		// given: the viewer tries the access log; the approver searches a free night's users by address
		long free = home.night("2026-11-18", "MANUAL").executionId();
		browser.signIn(ConsoleTestHome.VIEWER, ConsoleTestHome.VIEWER_PASSWORD);
		HttpResponse<String> viewerLog = get("/access-log", browser.sessionCookie());
		browser.signIn(ConsoleTestHome.APPROVER, ConsoleTestHome.APPROVER_PASSWORD);
		browser.open("/nights/2026-11-18/executions/" + free + "/payload");
		String firstUsers = browser.text();
		String address = browser.driver.findElements(By.cssSelector("main table tbody td"))
			.stream()
			.map(WebElement::getText)
			.filter(t -> t.contains("@"))
			.findFirst()
			.orElseThrow();
		browser.driver.findElement(By.id("q")).sendKeys(address);
		browser.follow(By.cssSelector("form[role=search] button"));
		String found = browser.text();

		// when
		browser.open("/access-log");
		String log = browser.text();
		HttpResponse<String> csv = get("/access-log.csv?night=2026-11-18", browser.sessionCookie());

		// then
		assertThat(firstUsers).contains("users, items 1 to 50");
		assertThat(found).contains(address).contains("items 1 to 1");
		assertThat(viewerLog.statusCode()).isEqualTo(403);
		assertThat(log).contains("victor", "DENIED", "/access-log", "alice", "PAYLOAD_PREVIEW");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
		assertThat(csv.body()).startsWith("id,at,user,action,target,night,execution,httpStatus")
			.contains(",alice,PAYLOAD_PREVIEW,/nights/2026-11-18/executions/" + free
					+ "/payload?section=users&q=(search terms not recorded),2026-11-18," + free + ",200")
			.doesNotContain(address);
	}

	@Test
	void nightShouldRunWhileTheConsoleIsUpAndASecondRunOfItShouldExit8() throws Exception {
		// given: the first run holds the night while its delivery waits at the receiver
		home.receiver.hold();
		int before = home.receiver.requests();
		try (PhonehomeProcess first = PhonehomeProcess.start(home.home, "run-first", "run", "--date", "2026-11-23",
				"--config", home.config("paid"))) {
			long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
			while (home.receiver.requests() == before && first.isAlive() && System.nanoTime() < deadline) {
				Thread.sleep(200);
			}
			assertThat(home.receiver.requests()).as(first.err()).isGreaterThan(before);

			// when: the same night is started again, and then the receiver answers the first
			PhonehomeProcess second = PhonehomeProcess.start(home.home, "run-second", "run", "--date", "2026-11-23",
					"--config", home.config("paid"));
			int secondExit = second.awaitExit();
			home.receiver.open();
			int firstExit = first.awaitExit();

			// then
			assertThat(secondExit).as(second.err()).isEqualTo(8);
			assertThat(second.err()).contains("night 2026-11-23 is already running in another process");
			assertThat(firstExit).as(first.err()).isZero();
			assertThat(console.isAlive()).isTrue();
			browser.signIn(ConsoleTestHome.APPROVER, ConsoleTestHome.APPROVER_PASSWORD);
			browser.open("/nights?from=2026-11-23&to=2026-11-23");
			assertThat(browser.text()).contains("2026-11-23", "COMPLETED", "DELIVERED");
		}
		finally {
			home.receiver.open();
		}
	}

	@Test
	void badInputShouldGetAClearPageAndStatusNeverAStackTrace() throws Exception {
		// given
		NightView paid = home.night("2026-11-20", "MANUAL");
		NightView dryRun = home.night("2026-11-19", "DRY_RUN");
		Path csv = dryRun.file(FileKind.AUDIT_CSV).orElseThrow().path();
		byte[] original = Files.readAllBytes(csv);
		browser.signIn(ConsoleTestHome.APPROVER, ConsoleTestHome.APPROVER_PASSWORD);
		String cookie = browser.sessionCookie();
		String night = "/nights/2026-11-20/executions/" + paid.executionId();
		Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
		try {
			// when
			for (String path : List.of("/nights/2026-11-30", "/nights/2026-11-20/executions/999999",
					"/nights/2026-11-20/executions/" + dryRun.executionId(), night + "/files/secrets.txt",
					night + "/files/..%2F..%2F..%2Fstore%2Fphonehome.mv.db", night + "/payload?section=..%2F..%2Fetc",
					"/nights/2026-02-30", "/nights?from=2026-02-30", "/nights/2026-11-20/executions/abc",
					"/trends?from=yesterday", "/nights?status=BROKEN")) {
				answers.put(path, get(path, cookie));
			}
			Files.write(csv, "tampered\n".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
			String tamperedPath = "/nights/2026-11-19/executions/" + dryRun.executionId() + "/files/audit.csv";
			answers.put(tamperedPath, get(tamperedPath, cookie));
			browser.open("/nights?from=2026-11-19&to=2026-11-19");
			String list = browser.text();

			// then
			assertThat(answers).allSatisfy((path, answer) -> assertThat(answer.body()).as(path)
				.contains("phonehome console")
				.doesNotContain("Exception", "at dev.phonehome", "at org.springframework"));
			assertThat(statuses(answers)).isEqualTo(List.of(404, 404, 404, 404, 400, 400, 400, 400, 400, 400, 400, 409));
			assertThat(answers.get("/nights/2026-11-30").body()).contains("no execution of the night 2026-11-30");
			assertThat(answers.get("/nights/2026-11-20/executions/" + dryRun.executionId()).body())
				.contains("ran the night 2026-11-19, not 2026-11-20");
			assertThat(answers.get("/nights?from=2026-02-30").body()).contains("is not a date for from");
			assertThat(answers.get(tamperedPath).body()).contains("no longer matches its record");
			assertThat(list).contains("CHANGED");
		}
		finally {
			Files.write(csv, original);
		}
	}

	@Test
	void everyPageShouldPassAxeWithoutSeriousOrCriticalViolationsAndShowNoSecret() {
		// given
		NightView free = home.night("2026-11-19", "MANUAL");
		String night = "/nights/2026-11-19/executions/" + free.executionId();
		Map<String, List<String>> violations = new LinkedHashMap<>();
		Map<String, String> sources = new LinkedHashMap<>();
		browser.driver.manage().deleteAllCookies();
		browser.open("/login");
		violations.put("/login", browser.seriousViolations());

		// when
		browser.signIn(ConsoleTestHome.APPROVER, ConsoleTestHome.APPROVER_PASSWORD);
		for (String path : List.of("/nights", night, night + "/payload", "/trends", "/verify?night=2026-11-19",
				"/approvals", "/access-log", "/nights/2026-11-30")) {
			browser.open(path);
			violations.put(path, browser.seriousViolations());
			sources.put(path, browser.driver.getPageSource());
		}

		// then
		assertThat(violations).allSatisfy((path, found) -> assertThat(found).as(path).isEmpty());
		assertThat(sources).allSatisfy((path, source) -> assertThat(source).as(path)
			.doesNotContain(ConsoleTestHome.PHONE_HOME_KEY, "{bcrypt}", ConsoleTestHome.APPROVER_PASSWORD));
	}

	private static List<Integer> statuses(Map<String, HttpResponse<String>> answers) {
		return answers.values().stream().map(HttpResponse::statusCode).collect(Collectors.toList());
	}

	/** {@code history} of one night, as CSV, in a process of its own. */
	private PhonehomeProcess historyOf(String night, String name) {
		return PhonehomeProcess.start(home.home, name, "history", "--from", night, "--to", night, "--format", "csv");
	}

	/** A night of the paid demo run by another process, as cron would while the console is up. */
	private PhonehomeProcess paidNight(String night, String name) {
		return PhonehomeProcess.start(home.home, name, "run", "--date", night, "--config", home.config("paid"));
	}

	private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html");
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String cookie, Map<String, String> form)
			throws IOException, InterruptedException {
		String body = form.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return http.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "text/html")
			.header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String csrf(String page) {
		Matcher token = CSRF.matcher(page);
		assertThat(token.find()).as("a CSRF token on the page").isTrue();
		return token.group(1);
	}

}
