package vn.motcua.it;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
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
import vn.motcua.org.Officers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queues and the search in real Chromium, on a phone (360 px) and a desktop (1280
 * px): the counter officer finds a dossier by its applicant's ID number from the
 * workspace's search box; rows read as cards on the phone, a table on the desktop, and no
 * page scrolls sideways; the dossier's history reads in words.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class QueueBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	DossierIntake intake;

	@Autowired
	DossierActions actions;

	@Autowired
	Officers officers;

	private String base() {
		return "http://localhost:" + this.port;
	}

	@Test
	void theCounterFindsADossierByTheApplicantsIdNumberOnAPhone() {
		findByIdNumber(360, 800, "038187000360");
	}

	@Test
	void theCounterFindsADossierByTheApplicantsIdNumberOnADesktop() {
		findByIdNumber(1280, 900, "038187001280");
	}

	private void findByIdNumber(int width, int height, String idNumber) {
		DossierMaker make = new DossierMaker(this.intake, this.actions, this.officers);
		String code = make.birth(Api.COUNTER, Api.WARD,
				new Applicant("Võ Thị Tường Vi", idNumber, "0936000" + idNumber.substring(9), null, null));
		make.birth(Api.COUNTER, Api.WARD, new Applicant("Võ Thị Tường Vân", null, null, null, null));
		make.act(Api.COUNTER, code, DossierAction.ASSIGN, Api.SPECIALIST);
		try (Browser browser = Browser.open(width, height)) {
			var driver = browser.driver;
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
			browser.signIn(base(), Api.COUNTER);
			wait.until(ExpectedConditions.urlContains("/can-bo"));
			assertThat(browser.scrollsSideways()).as("the queues at %d px", width).isFalse();
			assertThat(browser.unlabelledFields()).isEmpty();
			browser.screenshot("queues-" + width);

			driver.findElement(By.id("q")).sendKeys(idNumber + Keys.ENTER);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
			WebElement results = driver.findElement(By.id("results"));
			assertThat(results.getText()).contains("1 hồ sơ", code, "Võ Thị Tường Vi", "Lê Văn Nam")
				.doesNotContain("Tường Vân");
			assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo(idNumber);
			assertThat(browser.scrollsSideways()).as("the search at %d px", width).isFalse();
			assertThat(browser.unlabelledFields()).isEmpty();
			WebElement row = results.findElement(By.cssSelector("tr[data-code='" + code + "']"));
			if (width <= 480) {
				// a card: the row as wide as the list, each cell its label and value side
				// by side
				assertThat(row.getCssValue("display")).isEqualTo("block");
				WebElement procedure = row.findElements(By.cssSelector("td")).get(1);
				assertThat(procedure.getCssValue("display")).isEqualTo("grid");
				assertThat(driver.findElement(By.cssSelector("#results thead")).getSize().getHeight())
					.isLessThanOrEqualTo(1);
			}
			else {
				assertThat(row.getCssValue("display")).isEqualTo("table-row");
				assertThat(driver.findElement(By.cssSelector("#results thead")).isDisplayed()).isTrue();
			}
			driver.executeScript("arguments[0].scrollIntoView()", results);
			browser.screenshot("search-" + width);

			row.findElement(By.linkText(code)).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("history")));
			assertThat(driver.findElement(By.id("history")).getText())
				.contains("Nguyễn Thị Hoa", "Giao cho: Lê Văn Nam")
				.doesNotContain("quangcu.");
			assertThat(driver.findElement(By.id("steps")).getText()).contains("Lê Văn Nam");
			assertThat(browser.scrollsSideways()).as("the dossier at %d px", width).isFalse();
			driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(By.id("steps")));
			browser.screenshot("dossier-steps-" + width);
			driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(By.id("history")));
			browser.screenshot("dossier-history-" + width);
		}
	}

}
