package dev.phonehome.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Headless Chromium driven by Selenium through Debian's {@code chromium} and {@code chromium-driver} (installed by
 * {@code .ci/run}): nothing is downloaded, and the browser talks to loopback only.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	final ChromeDriver driver;

	final Path downloads;

	private final Path profile;

	private final String base;

	Browser(String base) throws IOException {
		assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
			.as("the console's browser tests need Debian's chromium and chromium-driver: "
					+ "apt-get install -y chromium chromium-driver (.ci/run does it)")
			.isTrue();
		this.base = base;
		this.downloads = Files.createTempDirectory("phonehome-console-downloads");
		this.profile = Files.createTempDirectory("phonehome-console-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profile);
		options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
				"download.prompt_for_download", false, "plugins.always_open_pdf_externally", true));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(2));
	}

	void open(String path) {
		driver.get(base + path);
	}

	String path() {
		return driver.getCurrentUrl().substring(base.length());
	}

	String text() {
		return driver.findElement(By.tagName("body")).getText();
	}

	/** Signs out whoever was signed in (a new session), then signs in through the form. */
	void signIn(String user, String password) {
		driver.manage().deleteAllCookies();
		open("/login");
		driver.findElement(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys(password);
		follow(By.cssSelector("main form button[type=submit]"));
	}

	/**
	 * Clicks a link or a form's button and waits until the page it leads to has replaced this one and loaded: reading
	 * the page right after a bare click races the navigation (a stale element, or the old page's text). The old page
	 * is recognised by a mark on its window object, which a new document does not have (an element of the old page
	 * is no good: Chromium may answer "does not belong to the document" instead of "stale").
	 */
	void follow(By target) {
		driver.executeScript("window.phonehomeLeaving = true;");
		driver.findElement(target).click();
		new WebDriverWait(driver, Duration.ofMinutes(2)).ignoring(WebDriverException.class)
			.until(d -> Boolean.TRUE.equals(driver.executeScript(
					"return window.phonehomeLeaving === undefined && document.readyState === 'complete';")));
	}

	String sessionCookie() {
		Cookie cookie = driver.manage().getCookieNamed("JSESSIONID");
		return cookie == null ? null : "JSESSIONID=" + cookie.getValue();
	}

	/** Waits for a download to finish (Chromium writes {@code .crdownload} until then). */
	Path awaitDownload(String name) throws InterruptedException {
		Path file = downloads.resolve(name);
		for (int i = 0; i < 600 && !(Files.exists(file) && !Files.exists(downloads.resolve(name + ".crdownload"))); i++) {
			Thread.sleep(100);
		}
		assertThat(file).exists();
		return file;
	}

	/** A screenshot of the page in a window {@code height} pixels high (the README's show a whole page). */
	void screenshot(Path target, int height) {
		org.openqa.selenium.Dimension size = driver.manage().window().getSize();
		try {
			driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, height));
			Files.createDirectories(target.toAbsolutePath().getParent());
			Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			driver.manage().window().setSize(size);
		}
	}

	/** The serious and critical accessibility violations axe-core finds on the page, one line each. */
	List<String> seriousViolations() {
		Results results = new AxeBuilder().analyze(driver);
		assertThat(results.isErrored()).as(results.getErrorMessage()).isFalse();
		return results.getViolations()
			.stream()
			.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.map(Browser::describe)
			.toList();
	}

	private static String describe(Rule rule) {
		return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
				+ rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(5).toList();
	}

	@Override
	public void close() {
		driver.quit();
		deleteQuietly(profile.toFile());
	}

	private static void deleteQuietly(File folder) {
		try {
			org.springframework.util.FileSystemUtils.deleteRecursively(folder.toPath());
		}
		catch (IOException ignored) {
			// a temp folder left behind is harmless
		}
	}

}
