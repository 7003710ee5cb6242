package vn.motcua.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real headless Chromium from Debian's packages ({@code chromium},
 * {@code chromium-driver}); never a downloaded browser. Where they are missing, browser
 * tests are skipped with a message saying so; CI installs them.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of(System.getProperty("motcua.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("motcua.chromedriver", "/usr/bin/chromedriver"));

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	final ChromeDriver driver;

	private final Path profile;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/** Skips the calling test unless Chromium and its driver are installed. */
	static Browser open(int width, int height) {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Browser test skipped: Debian's chromium and chromium-driver are not installed ("
						+ "apt-get install chromium chromium-driver)");
		try {
			Path profile = Files.createTempDirectory("motcua-chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.setUnhandledPromptBehaviour(org.openqa.selenium.UnexpectedAlertBehaviour.ACCEPT);
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
					"--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=vi");
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().window().setSize(new Dimension(width, height));
			driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
			return new Browser(driver, profile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name + ".png"), this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Signs in on the sign-in page as a demo officer (password {@code motcua-demo}),
	 * after signing out.
	 */
	void signIn(String base, String username) {
		this.driver.manage().deleteAllCookies();
		this.driver.get(base + "/dang-nhap");
		this.driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
		this.driver.findElement(org.openqa.selenium.By.id("password")).sendKeys("motcua-demo");
		this.driver.findElement(org.openqa.selenium.By.cssSelector("main form button[type=submit]")).click();
	}

	/**
	 * Submits the action's form on a dossier page, filling the fields given (id → value),
	 * and accepts the confirmation.
	 */
	void act(String action, java.util.Map<String, String> fields) {
		org.openqa.selenium.WebElement form = this.driver.findElement(org.openqa.selenium.By.id("action-" + action));
		// a secondary or ending action is folded under its name: open it as a person
		// would
		this.driver.executeScript("var d = arguments[0].closest('details'); if (d) { d.open = true; }", form);
		fields.forEach((id, value) -> {
			org.openqa.selenium.WebElement field = form.findElement(org.openqa.selenium.By.id(id));
			if (field.getTagName().equals("select")) {
				new org.openqa.selenium.support.ui.Select(field).selectByValue(value);
			}
			else {
				field.sendKeys(value);
			}
		});
		form.findElement(org.openqa.selenium.By.tagName("button")).click();
		try {
			this.driver.switchTo().alert().accept();
		}
		catch (org.openqa.selenium.NoAlertPresentException ex) {
			// the prompt behaviour accepted it already
		}
	}

	/**
	 * The visible form fields of the page that no label names (by {@code for}, or by
	 * wrapping them).
	 */
	java.util.List<String> unlabelledFields() {
		Object unlabelled = this.driver
			.executeScript("return Array.from(document.querySelectorAll('input, select, textarea'))"
					+ ".filter(e => e.type !== 'hidden')"
					+ ".filter(e => !(e.id && document.querySelector('label[for=\"' + e.id + '\"]')) && !e.closest('label'))"
					+ ".map(e => e.outerHTML);");
		@SuppressWarnings("unchecked")
		java.util.List<String> list = (java.util.List<String>) unlabelled;
		return list;
	}

	/**
	 * The bytes a link of the page serves, fetched by the page itself (with its session),
	 * as the browser would save or print them.
	 */
	byte[] fetch(String href) {
		this.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		String base64 = (String) this.driver.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], {credentials: 'same-origin'})
				  .then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status))
				  .then(b => { let s = ''; const a = new Uint8Array(b);
				    for (let i = 0; i < a.length; i++) { s += String.fromCharCode(a[i]); } done(btoa(s)); })
				  .catch(e => done('ERROR ' + e));""", href);
		org.assertj.core.api.Assertions.assertThat(base64)
			.as("the link %s serves a file", href)
			.doesNotStartWith("ERROR");
		return java.util.Base64.getDecoder().decode(base64);
	}

	/**
	 * Reloads the page until the element is there (a paper is made just after its event).
	 */
	org.openqa.selenium.WebElement awaitAfterReload(org.openqa.selenium.By by) {
		return new org.openqa.selenium.support.ui.WebDriverWait(this.driver, Duration.ofSeconds(20)).until(d -> {
			java.util.List<org.openqa.selenium.WebElement> found = d.findElements(by);
			if (found.isEmpty()) {
				d.navigate().refresh();
				return null;
			}
			return found.get(0);
		});
	}

	/** Whether the page is wider than the window, so that it scrolls sideways. */
	boolean scrollsSideways() {
		Object overflow = this.driver
			.executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
		return Boolean.TRUE.equals(overflow);
	}

	@Override
	public void close() {
		this.driver.quit();
		try (var files = Files.walk(this.profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			// a left-over temporary profile is harmless
		}
	}

}
