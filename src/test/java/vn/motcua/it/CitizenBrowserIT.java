package vn.motcua.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen signs in through a real OpenID Connect provider running in-process (standing
 * in for VNeID), submits a dossier online, finds it among their dossiers, then, signed
 * out, looks it up by code and the last four digits of their ID number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = { TestDatabase.class, CitizenBrowserIT.Provider.class })
class CitizenBrowserIT {

	static final MockOAuth2Server VNEID = new MockOAuth2Server();

	/** Starts the provider and points the application at it. */
	static class Provider implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			Vneid.start(VNEID, context);
		}

	}

	@AfterAll
	static void stopProvider() {
		VNEID.shutdown();
	}

	@LocalServerPort
	int port;

	@Test
	void onlineSubmissionThenLookup() {
		VNEID.enqueueCallback(new DefaultOAuth2TokenCallback("vneid", "vneid-038199012345", "JWT", List.of("motcua"),
				Map.of("name", "Trần Thị Hương", "personal_id", "038199012345", "phone_number", "0903123456"), 3600));
		String base = "http://localhost:" + this.port;
		try (Browser browser = Browser.open(360, 800)) {
			var driver = browser.driver;
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
			driver.get(base + "/dang-nhap");
			driver.findElement(By.id("vneid")).click();
			wait.until(ExpectedConditions.urlContains("/cong-dan"));
			assertThat(driver.findElement(By.tagName("main")).getText()).contains("Xin chào Trần Thị Hương");

			driver.get(base + "/cong-dan/nop-ho-so?unit=H56.15.40");
			new Select(driver.findElement(By.id("procedure"))).selectByValue("1.001193");
			driver.findElement(By.id("choose")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("component-0")));
			for (int i : new int[] { 0, 1, 3 }) {
				driver.findElement(By.id("component-" + i)).click();
			}
			assertThat(browser.scrollsSideways()).as("the submission form fits 360 px").isFalse();
			browser.screenshot("citizen-submit-360");
			assertThat(browser.unlabelledFields()).as("every field of the submission form has a label").isEmpty();
			driver.findElement(By.id("submit")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submitted-code")));
			String code = driver.findElement(By.id("submitted-code")).getText();
			assertThat(code).startsWith("H56.15.40-");

			driver.get(base + "/cong-dan");
			assertThat(driver.findElement(By.id("my-dossiers")).getText()).contains(code, "Đăng ký khai sinh");
			browser.screenshot("citizen-mine-360");

			driver.manage().deleteAllCookies();
			driver.get(base + "/tra-cuu");
			driver.findElement(By.id("code")).sendKeys(code);
			driver.findElement(By.id("digits")).sendKeys("2345");
			driver.findElement(By.cssSelector("main form button[type=submit]")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lookup-status"), "Chờ tiếp nhận"));
			browser.screenshot("citizen-lookup-360");
		}
	}

}
