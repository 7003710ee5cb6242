package vn.motcua.it;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter officer at work in real Chromium, at a phone's and a desk's width: finding
 * the procedure as they type, seeing the due time and the fee before accepting, errors
 * beside their fields with everything typed kept, the receipt (Form 01); and the same
 * intake from the keyboard alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class CounterBrowserIT {

	static final String ID_ERROR = "Số định danh cá nhân gồm đúng 12 chữ số";

	static final String PHONE_ERROR = "Số điện thoại gồm 10 chữ số";

	/** Some date and time in Vietnamese: "16:00 ngày 03/12/2026 (Thứ Năm)". */
	static final String VIETNAMESE_DATE_TIME = "\\d\\d:\\d\\d ngày \\d\\d/\\d\\d/\\d{4} \\(.+\\)";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private String base() {
		return "http://localhost:" + this.port;
	}

	/** The results list says it is for these words, and holds them. */
	private static void waitForResults(WebDriverWait wait, String q) {
		wait.until(ExpectedConditions.attributeToBe(By.id("procedure-results"), "data-q", q));
	}

	private static List<String> resultNames(WebDriver driver) {
		return driver.findElements(By.cssSelector("#procedure-results .name"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private static String active(WebDriver driver) {
		return driver.switchTo().activeElement().getAttribute("id");
	}

	/**
	 * Whether the field's error is the element right before it and sits just above it.
	 */
	private static boolean errorRightAbove(WebDriver driver, String field) {
		Object beside = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
				"var f = document.getElementById(arguments[0]), e = document.getElementById(arguments[0] + '-error');"
						+ "if (!f || !e || f.previousElementSibling !== e) return false;"
						+ "var gap = f.getBoundingClientRect().top - e.getBoundingClientRect().bottom;"
						+ "return gap >= 0 && gap < 16;",
				field);
		return Boolean.TRUE.equals(beside);
	}

	@ParameterizedTest(name = "at {0} px")
	@ValueSource(ints = { 360, 1280 })
	void theOfficerFindsTheProcedureSeesDueTimeAndFeeFixesErrorsAndPrintsTheReceipt(int width) {
		try (Browser browser = Browser.open(width, 900)) {
			WebDriver driver = browser.driver;
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
			browser.signIn(base(), Api.COUNTER);
			wait.until(ExpectedConditions.urlContains("/can-bo"));
			driver.get(base() + "/can-bo/tiep-nhan");
			assertThat(active(driver)).as("the search box has the cursor").isEqualTo("q");
			// a marker that a full page load would lose
			((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.sameCounterPage = true;");

			WebElement q = driver.findElement(By.id("q"));
			q.sendKeys("khai sinh");
			waitForResults(wait, "khai sinh");
			assertThat(resultNames(driver)).first().isEqualTo("Đăng ký khai sinh");
			assertThat(resultNames(driver)).contains("Đăng ký lại khai sinh");
			browser.screenshot("counter-search-words-" + width);

			q.sendKeys(Keys.chord(Keys.CONTROL, "a"), "1.001193");
			waitForResults(wait, "1.001193");
			assertThat(resultNames(driver)).containsExactly("Đăng ký khai sinh");
			driver.findElement(By.cssSelector("#procedure-results a")).click();

			// the checklist, the due time if accepted now and the fee, on the same page
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("due-if-now")));
			assertThat(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return window.sameCounterPage"))
				.as("chosen without reloading the page")
				.isEqualTo(true);
			assertThat(driver.getCurrentUrl()).contains("procedure=1.001193");
			assertThat(driver.findElement(By.id("due-if-now")).getText()).containsPattern(VIETNAMESE_DATE_TIME)
				.contains("5 giờ làm việc");
			assertThat(driver.findElement(By.id("fee")).getText()).isEqualTo("Không mất phí");
			assertThat(driver.findElement(By.id("components")).getText()).contains("Tờ khai đăng ký khai sinh");
			assertThat(active(driver)).as("the first field has the cursor").isEqualTo("idNumber");
			assertThat(browser.unlabelledFields()).as("every field of the counter has a label").isEmpty();
			assertThat(browser.scrollsSideways()).as("the counter at " + width + " px").isFalse();
			browser.screenshot("counter-procedure-" + width);

			// nonsense in the ID number and the phone
			driver.findElement(By.id("idNumber")).sendKeys("0381abc");
			driver.findElement(By.id("applicantName")).sendKeys("Nguyễn Thị Thu");
			driver.findElement(By.id("phone")).sendKeys("09xx");
			driver.findElement(By.id("address")).sendKeys("Tổ dân phố 4, phường Quảng Cư");
			for (int i : new int[] { 0, 1, 3 }) {
				driver.findElement(By.id("component-" + i)).click();
			}
			driver.findElement(By.id("file-0")).sendKeys(Files.scannedForm().toString());
			driver.findElement(By.id("intake-submit")).click();

			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("idNumber-error")));
			assertThat(driver.findElement(By.id("idNumber-error")).getText()).contains(ID_ERROR);
			assertThat(driver.findElement(By.id("phone-error")).getText()).contains(PHONE_ERROR);
			assertThat(errorRightAbove(driver, "idNumber")).as("the ID's error beside its field").isTrue();
			assertThat(errorRightAbove(driver, "phone")).as("the phone's error beside its field").isTrue();
			assertThat(driver.findElement(By.id("error-summary")).getText()).contains(ID_ERROR, PHONE_ERROR,
					"chọn lại các tệp quét");
			assertThat(driver.findElement(By.id("idNumber")).getAttribute("value")).isEqualTo("0381abc");
			assertThat(driver.findElement(By.id("phone")).getAttribute("value")).isEqualTo("09xx");
			assertThat(driver.findElement(By.id("applicantName")).getAttribute("value")).isEqualTo("Nguyễn Thị Thu");
			assertThat(driver.findElement(By.id("address")).getAttribute("value"))
				.isEqualTo("Tổ dân phố 4, phường Quảng Cư");
			assertThat(driver.findElement(By.id("component-1")).isSelected()).isTrue();
			assertThat(driver.findElement(By.id("component-2")).isSelected()).isFalse();
			assertThat(driver.findElement(By.id("due-if-now")).getText()).containsPattern(VIETNAMESE_DATE_TIME);
			assertThat(driver.getPageSource()).doesNotContain("applicant.idNumber", "12-digit");
			assertThat(browser.scrollsSideways()).as("the errors at " + width + " px").isFalse();
			browser.screenshot("counter-errors-" + width);

			// fixed, with the scan chosen again
			WebElement id = driver.findElement(By.id("idNumber"));
			id.clear();
			id.sendKeys("038090001" + width % 1000);
			WebElement phone = driver.findElement(By.id("phone"));
			phone.clear();
			phone.sendKeys("0912000111");
			driver.findElement(By.id("file-0")).sendKeys(Files.scannedForm().toString());
			driver.findElement(By.id("intake-submit")).click();

			wait.until(ExpectedConditions.urlContains("/bien-nhan"));
			String code = driver.getCurrentUrl().replaceAll(".*/ho-so/([^/]+)/bien-nhan.*", "$1");
			String main = driver.findElement(By.tagName("main")).getText();
			assertThat(main).contains("Mẫu số 01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
					"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nguyễn Thị Thu", "0912000111", "Tờ khai đăng ký khai sinh",
					"Nguyễn Thị Hoa", code);
			assertThat(driver.findElement(By.id("receipt-due")).getText()).matches(VIETNAMESE_DATE_TIME);
			assertThat(browser.scrollsSideways()).as("Form 01 at " + width + " px").isFalse();
			browser.screenshot("counter-receipt-" + width);
			// printed: only the document, its heading's two columns side by side
			browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
			assertThat(driver.findElement(By.cssSelector(".site-header")).isDisplayed()).isFalse();
			assertThat(driver.findElement(By.cssSelector(".doc-actions")).isDisplayed()).isFalse();
			assertThat(driver.findElement(By.cssSelector(".doc-nation")).getLocation().getY())
				.isEqualTo(driver.findElement(By.cssSelector(".doc-issuer")).getLocation().getY());
			browser.screenshot("counter-receipt-print-" + width);
			assertThat(this.jdbc.sql("select filename from document_file where dossier_code = ?")
				.param(code)
				.query(String.class)
				.list()).containsExactly("to-khai.png");
		}
	}

	@Test
	void anIntakeFromTheKeyboardAlone() {
		try (Browser browser = Browser.open(1280, 900)) {
			WebDriver driver = browser.driver;
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
			driver.get(base() + "/dang-nhap");
			assertThat(active(driver)).as("the user name has the cursor").isEqualTo("username");
			keys(driver, Api.COUNTER, Keys.TAB, "motcua-demo", Keys.ENTER);
			wait.until(ExpectedConditions.urlContains("/can-bo"));
			driver.get(base() + "/can-bo/tiep-nhan");

			// the search box has the cursor; the arrows walk the results, Enter opens one
			assertThat(active(driver)).isEqualTo("q");
			keys(driver, "khai sinh");
			waitForResults(wait, "khai sinh");
			keys(driver, Keys.ARROW_DOWN);
			keys(driver, Keys.ARROW_DOWN);
			assertThat(driver.switchTo().activeElement().getText()).doesNotStartWith("Đăng ký khai sinh\n");
			keys(driver, Keys.ARROW_UP);
			assertThat(driver.switchTo().activeElement().getText()).startsWith("Đăng ký khai sinh");
			keys(driver, Keys.ARROW_UP);
			assertThat(active(driver)).isEqualTo("q");
			// Enter in the box opens the first result
			selectAll(driver);
			keys(driver, "1.001193");
			waitForResults(wait, "1.001193");
			keys(driver, Keys.ENTER);
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("due-if-now")));
			wait.until(d -> "idNumber".equals(active(d)));

			// the applicant's fields in order, then the components ticked with the space
			// bar
			keys(driver, "0381abc", Keys.TAB);
			assertThat(active(driver)).isEqualTo("applicantName");
			keys(driver, "Phạm Văn Hải", Keys.TAB);
			assertThat(active(driver)).isEqualTo("phone");
			keys(driver, "09xx", Keys.TAB);
			assertThat(active(driver)).isEqualTo("address");
			keys(driver, "Xóm Bắc, phường Quảng Cư", Keys.TAB);
			// the button that ticks every mandatory paper at once, passed here to tick
			// them one by one
			assertThat(active(driver)).isEqualTo("all-mandatory");
			keys(driver, Keys.TAB);
			for (int i = 0; i < 4; i++) {
				assertThat(active(driver)).isEqualTo("component-" + i);
				if (i != 2) {
					keys(driver, Keys.SPACE);
				}
				keys(driver, Keys.TAB);
				assertThat(active(driver)).isEqualTo("file-" + i);
				keys(driver, Keys.TAB);
			}
			assertThat(active(driver)).isEqualTo("channel");
			keys(driver, Keys.TAB);
			assertThat(active(driver)).isEqualTo("intake-submit");
			keys(driver, Keys.ENTER);

			// the errors: the summary has the cursor, its link takes it to the field
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("idNumber-error")));
			wait.until(d -> "error-summary".equals(active(d)));
			keys(driver, Keys.TAB);
			keys(driver, Keys.ENTER);
			assertThat(active(driver)).isEqualTo("idNumber");
			selectAll(driver);
			keys(driver, "038090003333", Keys.TAB);
			keys(driver, Keys.TAB);
			assertThat(active(driver)).isEqualTo("phone");
			// Enter in a field sends the form
			selectAll(driver);
			keys(driver, "0912000333", Keys.ENTER);

			wait.until(ExpectedConditions.urlContains("/bien-nhan"));
			assertThat(driver.findElement(By.id("receipt-applicant")).getText()).isEqualTo("Phạm Văn Hải");
			assertThat(driver.findElement(By.id("receipt-components")).getText()).contains("Tờ khai đăng ký khai sinh",
					"Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)");
			browser.screenshot("counter-keyboard-receipt");
		}
	}

	/**
	 * Types into whatever has the cursor, as a keyboard does (to the page, not to an
	 * element: a file input takes an element's keys for a file's name).
	 */
	private static void keys(WebDriver driver, CharSequence... keys) {
		new Actions(driver).sendKeys(keys).perform();
	}

	/** Ctrl+A, to type over a field's text. */
	private static void selectAll(WebDriver driver) {
		new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).perform();
	}

}
