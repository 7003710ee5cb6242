package vn.motcua.it;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import vn.motcua.org.Officers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator in real Chromium, on a phone and on a desktop: from the header to a
 * ward's officers, registers an officer (a wrong user name first, shown beside its field
 * with everything typed kept), then deactivates them after a confirmation that names
 * them; the officer can no longer sign in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class AdminBrowserIT {

	/** Phường Bắc Sơn, a demo ward no other test changes. */
	static final String WARD = "H56.15.42";

	@LocalServerPort
	int port;

	@Autowired
	Officers officers;

	private String base() {
		return "http://localhost:" + this.port;
	}

	@ParameterizedTest
	@CsvSource({ "360, 780", "1280, 900" })
	void theAdministratorRegistersAnOfficerAndDeactivatesThem(int width, int height) {
		String username = "bacson.thu" + width;
		try (Browser browser = Browser.open(width, height)) {
			var driver = browser.driver;
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
			browser.signIn(base(), "admin");
			wait.until(ExpectedConditions.urlContains("/can-bo"));
			assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("API");
			driver.findElement(By.cssSelector("header nav")).findElement(By.linkText("Quản trị")).click();
			wait.until(ExpectedConditions.urlMatches(".*/quan-tri$"));
			assertThat(driver.findElement(By.id("units")).getText()).contains("Tỉnh Thanh Hóa", "Phường Bắc Sơn");
			assertThat(browser.scrollsSideways()).as("the units' tree fits " + width + " px").isFalse();
			browser.screenshot("admin-units-" + width);

			driver.findElement(By.id("units")).findElement(By.linkText("Phường Bắc Sơn")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Phường Bắc Sơn"));
			assertThat(driver.findElement(By.id("versions")).getText()).contains("07:00–11:30, 13:30–17:00",
					"Thứ Bảy, Chủ nhật", "Đang áp dụng");
			assertThat(browser.scrollsSideways()).as("the unit's page fits " + width + " px").isFalse();
			assertThat(browser.unlabelledFields()).as("every field of the unit's page has a label").isEmpty();
			browser.screenshot("admin-unit-" + width);

			driver.findElement(By.cssSelector(".admin-nav")).findElement(By.linkText("Cán bộ")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("register-officer")));
			driver.findElement(By.id("register-officer")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("officer-form")));
			driver.findElement(By.id("fullName")).sendKeys("Đặng Thị Thu");
			driver.findElement(By.id("username")).sendKeys("Đặng Thu");
			driver.findElement(By.id("roles-ONE_STOP_OFFICER")).click();
			driver.findElement(By.id("password")).sendKeys("mat-khau-thu-" + width);
			assertThat(browser.unlabelledFields()).as("every field of the officer form has a label").isEmpty();
			driver.findElement(By.id("officer-submit")).click();

			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username-error")));
			assertThat(driver.findElement(By.id("username-error")).getText()).contains("Tên đăng nhập gồm 3–60 ký tự");
			assertThat(driver.findElement(By.id("error-summary")).getText()).contains("Có lỗi cần sửa",
					"Tên đăng nhập gồm 3–60 ký tự");
			assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
			assertThat(driver.findElement(By.id("username")).getAttribute("value")).isEqualTo("Đặng Thu");
			assertThat(driver.findElement(By.id("username")).getAttribute("aria-invalid")).isEqualTo("true");
			assertThat(driver.findElement(By.id("fullName")).getAttribute("value")).isEqualTo("Đặng Thị Thu");
			assertThat(driver.findElement(By.id("roles-ONE_STOP_OFFICER")).isSelected()).isTrue();
			assertThat(browser.scrollsSideways()).as("the form with its errors fits " + width + " px").isFalse();
			browser.screenshot("admin-officer-error-" + width);

			WebElement name = driver.findElement(By.id("username"));
			name.clear();
			name.sendKeys(username);
			driver.findElement(By.id("roles-SPECIALIST")).click();
			driver.findElement(By.id("password")).sendKeys("mat-khau-thu-" + width);
			driver.findElement(By.id("officer-submit")).click();

			wait.until(ExpectedConditions.urlContains("/quan-tri/can-bo/" + username));
			assertThat(driver.findElement(By.id("done")).getText()).contains("Đã thêm cán bộ Đặng Thị Thu");
			assertThat(driver.findElement(By.id("officer-state")).getText()).isEqualTo("Đang hoạt động");
			assertThat(driver.findElement(By.id("audit")).getText())
				.contains("Quản trị hệ thống: Tạo tài khoản tại Phường Bắc Sơn, vai trò: Cán bộ một cửa, Chuyên viên")
				.containsPattern("[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}");
			assertThat(driver.findElement(By.id("deactivate-form")).getAttribute("data-confirm"))
				.contains("Đặng Thị Thu", username, "không đăng nhập được");
			assertThat(browser.scrollsSideways()).as("the officer's page fits " + width + " px").isFalse();
			assertThat(browser.unlabelledFields()).as("every field of the officer's page has a label").isEmpty();
			browser.screenshot("admin-officer-" + width);

			driver.findElement(By.id("deactivate")).click();
			try {
				driver.switchTo().alert().accept();
			}
			catch (org.openqa.selenium.NoAlertPresentException ex) {
				// the prompt behaviour accepted it already
			}
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("officer-state"), "Đã khóa"));
			assertThat(driver.findElement(By.id("done")).getText()).contains("Đã khóa tài khoản của Đặng Thị Thu");
			assertThat(driver.findElement(By.id("audit")).getText()).contains("Khóa tài khoản");
			assertThat(driver.findElements(By.id("reactivate"))).hasSize(1);
			browser.screenshot("admin-officer-deactivated-" + width);
			assertThat(this.officers.find(username).orElseThrow().active()).isFalse();

			// the unit's other pages fit too, every field labelled
			driver.findElement(By.cssSelector(".admin-nav")).findElement(By.linkText("Danh mục thủ tục")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("catalog-form")));
			assertThat(driver.findElement(By.id("catalog-counts")).getText()).contains("184 thủ tục");
			assertThat(browser.scrollsSideways()).as("the catalog page fits " + width + " px").isFalse();
			assertThat(browser.unlabelledFields()).as("every field of the catalog page has a label").isEmpty();
			browser.screenshot("admin-catalog-" + width);
			driver.findElement(By.cssSelector(".admin-nav")).findElement(By.linkText("Lịch nghỉ lễ")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("calendar-form")));
			assertThat(driver.findElement(By.id("year-days")).getText()).containsPattern("[0-9]{2}/[0-9]{2}/[0-9]{4}");
			assertThat(browser.scrollsSideways()).as("the calendar page fits " + width + " px").isFalse();
			assertThat(browser.unlabelledFields()).as("every field of the calendar page has a label").isEmpty();
			browser.screenshot("admin-calendar-" + width);

			driver.manage().deleteAllCookies();
			driver.get(base() + "/dang-nhap");
			driver.findElement(By.id("username")).sendKeys(username);
			driver.findElement(By.id("password")).sendKeys("mat-khau-thu-" + width);
			driver.findElement(By.cssSelector("main form button[type=submit]")).click();
			wait.until(ExpectedConditions.urlContains("/dang-nhap?loi"));
		}
	}

}
