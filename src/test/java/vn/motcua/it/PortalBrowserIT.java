package vn.motcua.it;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import vn.motcua.notification.Notifications;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Online submission without an account: the code goes to the e-mail address, then the
 * dossier is tracked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class PortalBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	Notifications notifications;

	@ParameterizedTest
	@ValueSource(ints = { 360, 1280 })
	void anonymousOnlineSubmissionWithAScanVerifiedByEmailThenLookup(int width) {
		String base = "http://localhost:" + this.port;
		String email = "vu.thi.lan." + width + "@example.vn";
		try (Browser browser = Browser.open(width, 800)) {
			var driver = browser.driver;
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
			driver.get(base + "/nop-truc-tuyen?unit=H56.15.40");
			new Select(driver.findElement(By.id("procedure"))).selectByValue("1.001193");
			driver.findElement(By.id("choose")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("component-0")));
			for (int i : new int[] { 0, 1, 3 }) {
				driver.findElement(By.id("component-" + i)).click();
			}
			driver.findElement(By.id("name")).sendKeys("Vũ Thị Lan");
			driver.findElement(By.id("idNumber")).sendKeys("038177001122");
			driver.findElement(By.id("email")).sendKeys(email);
			driver.findElement(By.id("file-0")).sendKeys(Files.scannedForm().toString());
			assertThat(browser.unlabelledFields()).isEmpty();
			assertThat(browser.scrollsSideways()).isFalse();
			browser.screenshot("portal-submit-" + width);
			driver.findElement(By.id("submit")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));

			// the code, as the applicant reads it in their mailbox (the demo shows the
			// outbox)
			var message = this.notifications.latest(20)
				.stream()
				.filter(m -> m.recipient().equals(email))
				.findFirst()
				.orElseThrow();
			String code = message.subject().replaceAll(".*(\\d{6}).*", "$1");
			driver.findElement(By.id("code")).sendKeys(code.equals("000000") ? "111111" : "000000");
			driver.findElement(By.id("verify")).click();
			// the wrong code: in Vietnamese, beside the field, and the summary links to
			// it
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code-error")));
			assertThat(driver.findElement(By.id("code-error")).getText()).contains("Mã xác minh không đúng");
			assertThat(driver.findElement(By.cssSelector("#error-summary a")).getAttribute("href")).endsWith("#code");
			driver.findElement(By.id("code")).sendKeys(code);
			driver.findElement(By.id("verify")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submitted-code")));
			String dossier = driver.findElement(By.id("submitted-code")).getText();
			browser.screenshot("portal-done-" + width);

			driver.get(base + "/hop-thu-demo");
			assertThat(driver.findElement(By.id("outbox")).getText()).contains(email);

			driver.get(base + "/tra-cuu");
			driver.findElement(By.id("code")).sendKeys(dossier);
			driver.findElement(By.id("digits")).sendKeys("1122");
			driver.findElement(By.cssSelector("main form button[type=submit]")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lookup-status"), "Chờ tiếp nhận"));
		}
	}

}
