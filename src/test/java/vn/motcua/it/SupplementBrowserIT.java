package vn.motcua.it;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierActions;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone (360 px), the applicant looks up a dossier that waits for a supplement,
 * reads what to add and that the clock is paused, and uploads the scan; the dossier is
 * back in processing. Its own context (a property of its own), so that the look-ups of
 * other browser tests do not use up the address's look-up limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "motcua.it.context=supplement-browser")
@ContextConfiguration(initializers = TestDatabase.class)
class SupplementBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	DossierIntake intake;

	@Autowired
	DossierActions actions;

	@Autowired
	Officers officers;

	private Actor actor(String username) {
		return Actor.of(this.officers.find(username).orElseThrow());
	}

	@Test
	void theApplicantUploadsTheSupplementOnTheLookUpAt360Px() {
		DossierIntake.IntakeRequest b = Api.birth();
		String code = this.intake
			.intake(actor(Api.COUNTER),
					new DossierIntake.IntakeRequest(b.unitCode(), b.procedureCode(), b.channel(),
							new Applicant("Trịnh Văn Nam", "038095001122", "0987001122", null, null), b.components(),
							false, null),
					List.of())
			.dossier()
			.code();
		this.actions.act(actor(Api.COUNTER), code, DossierAction.ASSIGN,
				new DossierActions.ActionRequest(Api.SPECIALIST, null, null, null, null, null, null));
		this.actions.act(actor(Api.SPECIALIST), code, DossierAction.REQUEST_SUPPLEMENT,
				new DossierActions.ActionRequest(null, "Bản sao giấy chứng sinh có chứng thực", null, null, null, null,
						null));

		String base = "http://localhost:" + this.port;
		try (Browser browser = Browser.open(360, 800)) {
			var driver = browser.driver;
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
			driver.get(base + "/tra-cuu");
			driver.findElement(By.id("code")).sendKeys(code);
			driver.findElement(By.id("digits")).sendKeys("1122");
			driver.findElement(By.cssSelector("main form button[type=submit]")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lookup-status"), "Chờ bổ sung"));
			assertThat(driver.findElement(By.id("lookup-asked")).getText())
				.contains("Bản sao giấy chứng sinh có chứng thực");
			assertThat(driver.findElement(By.id("lookup-paused")).getText()).contains("tạm dừng");
			assertThat(driver.findElements(By.id("lookup-due"))).as("no due time while paused").isEmpty();
			assertThat(browser.scrollsSideways()).as("the look-up with its upload form fits 360 px").isFalse();
			assertThat(browser.unlabelledFields()).as("every field of the upload form has a label").isEmpty();
			browser.screenshot("supplement-lookup-360");

			driver.findElement(By.id("file-1")).sendKeys(Files.scannedForm().toString());
			driver.findElement(By.id("note")).sendKeys("Gửi bản sao có chứng thực");
			driver.findElement(By.id("upload-submit")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lookup-uploaded")));
			assertThat(driver.findElement(By.id("lookup-status")).getText()).isEqualTo("Đang xử lý");
			assertThat(driver.findElement(By.id("lookup-due")).getText())
				.matches("\\d\\d:\\d\\d ngày \\d\\d/\\d\\d/\\d{4}.*");
			assertThat(driver.findElements(By.id("upload-form"))).isEmpty();
			assertThat(browser.scrollsSideways()).isFalse();
			browser.screenshot("supplement-uploaded-360");
		}
	}

}
