package vn.motcua.it;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierActions;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.org.Officers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards in real Chromium, on a phone (360 px) and a desktop (1280 px): a ward's
 * (its leader) and the city's (its supervisor, with the ranking of its wards) draw their
 * charts with ECharts under the CSP, the page never scrolls sideways, and a number of a
 * table leads to the dossiers behind it and on to a dossier's page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
@TestPropertySource(properties = "motcua.test.database=dashboard-browser")
class DashboardBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	DossierIntake intake;

	@Autowired
	DossierActions actions;

	@Autowired
	Officers officers;

	@Autowired
	JdbcClient jdbc;

	private static boolean made;

	private String base() {
		return "http://localhost:" + this.port;
	}

	@BeforeEach
	void someDossiers() throws InterruptedException {
		if (made) {
			return;
		}
		made = true;
		DossierMaker make = new DossierMaker(this.intake, this.actions, this.officers);
		String resolved = make.birth(Api.COUNTER, Api.WARD, new Applicant("Đặng Văn Biểu", null, null, null, null));
		make.birth(Api.COUNTER, Api.WARD, new Applicant("Đặng Thị Đồ", null, null, null, null));
		make.birth("trungson.motcua", "H56.15.41", new Applicant("Lý Văn Thống", null, null, null, null));
		make.act(Api.COUNTER, resolved, DossierAction.ASSIGN, Api.SPECIALIST);
		make.act(Api.SPECIALIST, resolved, DossierAction.FORWARD, Api.LEADER);
		make.act(Api.LEADER, resolved, DossierAction.APPROVE, null);
		this.actions.act(make.actor(Api.LEADER), resolved, DossierAction.RECORD_RESULT,
				new DossierActions.ActionRequest(null, null, null, null, "KQ-1", null, null));
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline
				&& (this.jdbc.sql("select count(*) from event_publication where completion_date is null")
					.query(Long.class)
					.single() > 0
						|| this.jdbc.sql("select count(*) from report_dossier where resolved_day is not null")
							.query(Long.class)
							.single() < 1)) {
			Thread.sleep(50);
		}
	}

	@Test
	void theDashboardsOnAPhone() {
		dashboards(360, 800);
	}

	@Test
	void theDashboardsOnADesktop() {
		dashboards(1280, 900);
	}

	private void dashboards(int width, int height) {
		try (Browser browser = Browser.open(width, height)) {
			var driver = browser.driver;
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
			// the ward's dashboard, from the officers' navigation
			browser.signIn(base(), Api.LEADER);
			wait.until(ExpectedConditions.urlContains("/can-bo"));
			driver.findElement(By.id("nav-reports")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-month[data-drawn] canvas")));
			assertThat(driver.findElement(By.id("scope")).getText()).contains("Phường Quảng Cư");
			assertThat(driver.findElements(By.id("table-ranking"))).isEmpty();
			assertCharts(driver, List.of("chart-month", "chart-field", "chart-channel"));
			assertThat(browser.scrollsSideways()).as("the ward's dashboard at %d px", width).isFalse();
			assertThat(browser.unlabelledFields()).isEmpty();
			browser.screenshot("dashboard-ward-" + width);
			driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(By.id("chart-field")));
			browser.screenshot("dashboard-ward-field-" + width);

			// a number leads to its dossiers, and a dossier to its page
			WebElement received = driver.findElement(By.cssSelector("#table-total tr[data-measure=received] a"));
			assertThat(received.getText()).isEqualTo("2");
			received.click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Hồ sơ: Tiếp nhận trong kỳ");
			List<WebElement> rows = driver.findElements(By.cssSelector("#results tbody tr"));
			assertThat(rows).hasSize(2);
			assertThat(browser.scrollsSideways()).as("the list at %d px", width).isFalse();
			browser.screenshot("dashboard-dossiers-" + width);
			String code = rows.get(0).getAttribute("data-code");
			rows.get(0).findElement(By.linkText(code)).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("history")));
			assertThat(driver.getCurrentUrl()).endsWith("/can-bo/ho-so/" + code);

			// the city's dashboard: its wards ranked
			browser.signIn(base(), "samson.giamsat");
			wait.until(ExpectedConditions.urlContains("/can-bo"));
			driver.get(base() + "/can-bo/bao-cao");
			wait.until(
					ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-ranking[data-drawn] canvas")));
			assertThat(driver.findElement(By.id("scope")).getText())
				.contains("Thành phố Sầm Sơn và các đơn vị trực thuộc");
			assertCharts(driver, List.of("chart-month", "chart-field", "chart-channel", "chart-ranking"));
			assertThat(driver.findElement(By.cssSelector("#table-ranking tbody tr th")).getText())
				.isEqualTo("Phường Quảng Cư");
			assertThat(browser.scrollsSideways()).as("the city's dashboard at %d px", width).isFalse();
			driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(By.id("ranking")));
			browser.screenshot("dashboard-city-ranking-" + width);
			// this month, the three dossiers of the two wards
			WebElement thisMonth = driver
				.findElement(By.cssSelector("#table-month tbody tr:last-child td:nth-of-type(1) a"));
			assertThat(thisMonth.getText()).isEqualTo("3");
			driver.findElement(By.cssSelector("#table-ranking tr[data-key='H56.15.40'] td:nth-of-type(2) a")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
			assertThat(driver.findElements(By.cssSelector("#results tbody tr"))).hasSize(1);
			assertThat(browser.scrollsSideways()).as("the city's list at %d px", width).isFalse();
		}
	}

	/** Each chart has drawn a canvas of its box's width, not wider than the window. */
	private static void assertCharts(org.openqa.selenium.chrome.ChromeDriver driver, List<String> ids) {
		for (String id : ids) {
			WebElement chart = driver.findElement(By.id(id));
			WebElement canvas = chart.findElement(By.tagName("canvas"));
			assertThat(canvas.getSize().getWidth()).as(id).isGreaterThan(200);
			assertThat(canvas.getSize().getHeight()).as(id).isGreaterThan(100);
			assertThat(chart.getRect().getX() + chart.getSize().getWidth()).as(id)
				.isLessThanOrEqualTo(
						((Number) driver.executeScript("return document.documentElement.clientWidth")).intValue());
		}
	}

}
