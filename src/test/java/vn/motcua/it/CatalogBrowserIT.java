package vn.motcua.it;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen finds a procedure on a phone: types without accents, sees the list narrow,
 * opens it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class CatalogBrowserIT {

	@LocalServerPort
	int port;

	@Test
	void aCitizenFindsBirthRegistrationOnAPhone() {
		try (Browser browser = Browser.open(360, 780)) {
			var driver = browser.driver;
			driver.get("http://localhost:" + this.port + "/thu-tuc");
			assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
			assertThat(driver.findElement(By.id("results")).getText()).contains("184 thủ tục phù hợp");
			assertThat(browser.scrollsSideways()).as("the catalog fits 360 px").isFalse();
			browser.screenshot("catalog-360");
			assertThat(browser.unlabelledFields()).as("every field of the catalog page has a label").isEmpty();

			WebElement search = driver.findElement(By.id("q"));
			search.sendKeys("dang ky khai sinh");
			new WebDriverWait(driver, Duration.ofSeconds(10))
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "Đăng ký khai sinh"));
			new WebDriverWait(driver, Duration.ofSeconds(10))
				.until(d -> !d.findElement(By.id("results")).getText().contains("184 thủ tục phù hợp"));
			assertThat(driver.getCurrentUrl()).contains("q=dang%20ky%20khai%20sinh");
			browser.screenshot("catalog-search-360");

			driver.findElement(By.linkText("Đăng ký khai sinh")).click();
			new WebDriverWait(driver, Duration.ofSeconds(10))
				.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Đăng ký khai sinh"));
			String page = driver.findElement(By.tagName("main")).getText();
			assertThat(page).contains("Cần mang theo những gì?", "Tờ khai đăng ký khai sinh",
					"Nếu nộp hồ sơ đầy đủ ngay bây giờ", "Không thu phí, lệ phí");
			assertThat(browser.scrollsSideways()).as("the procedure page fits 360 px").isFalse();
			browser.screenshot("procedure-360");
		}
	}

	@Test
	void theCatalogFromTheKeyboardOnADesktop() {
		try (Browser browser = Browser.open(1280, 900)) {
			var driver = browser.driver;
			driver.get("http://localhost:" + this.port + "/thu-tuc?lang=en");
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Administrative procedures");
			WebElement search = driver.findElement(By.id("q"));
			search.sendKeys("chung thuc", Keys.ENTER);
			new WebDriverWait(driver, Duration.ofSeconds(10))
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "Chứng thực di chúc"));
			browser.screenshot("catalog-en-1280");
		}
	}

}
