package vn.motcua.it;

import java.util.List;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.DossierActions;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;
import vn.motcua.dossier.core.DossierAction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Officers at work in real Chromium: a dossier from the counter to its return, and who
 * may not touch it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class WorkspaceBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	DossierIntake intake;

	@Autowired
	DossierActions actions;

	@Autowired
	DossierQueries queries;

	@Autowired
	Officers officers;

	private String base() {
		return "http://localhost:" + this.port;
	}

	@Test
	void counterIntakeThroughSpecialistAndLeaderToReturnAndTheCitizensRating() {
		try (Browser browser = Browser.open(1280, 1000)) {
			var driver = browser.driver;
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
			browser.signIn(base(), Api.COUNTER);
			wait.until(ExpectedConditions.urlContains("/can-bo"));
			browser.screenshot("workspace-counter");
			driver.findElement(By.linkText("+ Tiếp nhận hồ sơ")).click();
			new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("procedure"))).selectByValue("1.001193");
			driver.findElement(By.cssSelector("main form button[type=submit]")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("component-0")));
			for (int i : new int[] { 0, 1, 3 }) {
				driver.findElement(By.id("component-" + i)).click();
			}
			driver.findElement(By.id("file-0")).sendKeys(Files.scannedForm().toString());
			driver.findElement(By.id("applicantName")).sendKeys("Nguyễn Thị Thu");
			driver.findElement(By.id("phone")).sendKeys("0912000111");
			browser.screenshot("intake-form");
			assertThat(browser.unlabelledFields()).as("every field of the intake form has a label").isEmpty();
			driver.findElement(By.id("intake-submit")).click();
			wait.until(ExpectedConditions.urlContains("/bien-nhan"));
			assertThat(driver.findElement(By.id("receipt-applicant")).getText()).isEqualTo("Nguyễn Thị Thu");
			browser.screenshot("receipt");
			String code = driver.getCurrentUrl().replaceAll(".*/ho-so/([^/]+)/bien-nhan.*", "$1");

			driver.get(base() + "/can-bo/ho-so/" + code);
			browser.act("assign", Map.of("assignee-assign", Api.SPECIALIST));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Đang xử lý"));

			browser.signIn(base(), Api.SPECIALIST);
			wait.until(ExpectedConditions.urlContains("/can-bo"));
			assertThat(driver.findElement(By.id("queue-mine")).getText()).contains(code);
			driver.findElement(By.linkText(code)).click();
			browser.screenshot("dossier-specialist");
			assertThat(driver.findElement(By.id("files")).getText()).contains("to-khai.png",
					"Tờ khai đăng ký khai sinh");
			assertThat(browser.unlabelledFields()).as("every field of the dossier page has a label").isEmpty();
			browser.act("forward", Map.of("assignee-forward", Api.LEADER, "note-forward", "Đủ điều kiện"));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Chờ phê duyệt"));

			browser.signIn(base(), Api.LEADER);
			wait.until(ExpectedConditions.urlContains("/can-bo"));
			assertThat(driver.findElement(By.id("queue-toApprove")).getText()).contains(code);
			driver.get(base() + "/can-bo/ho-so/" + code);
			browser.act("approve", Map.of());
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Đã phê duyệt"));
			browser.act("record-result", Map.of("resultRef", "Giấy khai sinh số 88/2026"));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Có kết quả"));

			browser.signIn(base(), Api.COUNTER);
			wait.until(ExpectedConditions.urlContains("/can-bo"));
			driver.get(base() + "/can-bo/ho-so/" + code);
			browser.act("return-result", Map.of("channel", "COUNTER"));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Đã trả kết quả"));
			// early or on time, by the hour the test runs (the due time is 5 working
			// hours on)
			assertThat(driver.findElement(By.tagName("main")).getText()).contains("trả kết quả")
				.containsPattern("Trước hạn|Đúng hạn");
			browser.screenshot("dossier-returned");

			// the citizen, signed out, looks the dossier up with the last four digits of
			// the phone and rates it
			driver.manage().deleteAllCookies();
			driver.get(base() + "/tra-cuu");
			driver.findElement(By.id("code")).sendKeys(code);
			driver.findElement(By.id("digits")).sendKeys("0111");
			driver.findElement(By.cssSelector("main form button[type=submit]")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lookup-status"), "Đã trả kết quả"));
			assertThat(browser.unlabelledFields()).as("every field of the look-up page has a label").isEmpty();
			driver.findElement(By.id("rating-VERY_SATISFIED")).click();
			browser.screenshot("lookup-rating");
			driver.findElement(By.cssSelector("#rating-form button[type=submit]")).click();
			wait.until(ExpectedConditions.urlContains("rated"));
			assertThat(driver.findElement(By.tagName("main")).getText()).contains("Cảm ơn bạn đã đánh giá");
			assertThat(driver.findElements(By.id("rating-form"))).isEmpty();
		}
	}

	@Test
	void anOfficerOfAnotherWardCannotOpenTheDossierAndAnUnassignedSpecialistCannotAct() {
		Actor counter = Actor.of(this.officers.find(Api.COUNTER).orElseThrow());
		String code = this.intake.intake(counter, Api.birth(), List.of()).dossier().code();
		this.actions.act(counter, code, vn.motcua.dossier.core.DossierAction.ASSIGN,
				new DossierActions.ActionRequest(Api.SPECIALIST, null, null, null, null, null, null));
		try (Browser browser = Browser.open(360, 800)) {
			var driver = browser.driver;
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
			// the officers' pages at 360 px
			driver.get(base() + "/dang-nhap");
			assertThat(browser.scrollsSideways()).as("sign-in at 360 px").isFalse();
			assertThat(browser.unlabelledFields()).isEmpty();
			browser.signIn(base(), Api.COUNTER);
			wait.until(ExpectedConditions.urlContains("/can-bo"));
			assertThat(browser.scrollsSideways()).as("workspace at 360 px").isFalse();
			browser.screenshot("workspace-360");
			driver.get(base() + "/can-bo/tiep-nhan?procedure=1.001193");
			assertThat(browser.scrollsSideways()).as("intake form at 360 px").isFalse();
			assertThat(browser.unlabelledFields()).isEmpty();
			driver.get(base() + "/can-bo/ho-so/" + code + "/bien-nhan");
			assertThat(browser.scrollsSideways()).as("receipt at 360 px").isFalse();
			browser.screenshot("receipt-360");
			driver.get(base() + "/tra-cuu");
			assertThat(browser.scrollsSideways()).as("look-up at 360 px").isFalse();

			browser.signIn(base(), Api.OTHER_WARD_COUNTER);
			wait.until(ExpectedConditions.urlContains("/can-bo"));
			driver.get(base() + "/can-bo/ho-so/" + code);
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Không tìm thấy");
			assertThat(driver.getPageSource()).doesNotContain("Công dân thử");

			browser.signIn(base(), Api.SPECIALIST_2);
			wait.until(ExpectedConditions.urlContains("/can-bo"));
			driver.get(base() + "/can-bo/ho-so/" + code);
			assertThat(browser.scrollsSideways()).as("the dossier page fits 360 px").isFalse();
			// an officer is offered only what they may do: nothing, here
			assertThat(driver.findElements(By.cssSelector("form.action"))).isEmpty();
			assertThat(driver.getPageSource()).contains("Bạn không có thao tác nào với hồ sơ này lúc này");
			assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Đang xử lý");
			browser.screenshot("dossier-not-allowed-360");
		}
		assertThat(this.queries.get(counter, code).currentStep()).isEqualTo(2);
	}

}
