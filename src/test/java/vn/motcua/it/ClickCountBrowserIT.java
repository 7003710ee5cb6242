package vn.motcua.it;

import java.time.Duration;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dossier from the counter to its return, counting every click the officers make (a
 * choice in a list counts as one; typing and signing in count none): at most 15. The
 * leader's approval is the primary action, visible without scrolling at 1280 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class ClickCountBrowserIT {

	@LocalServerPort
	int port;

	private int clicks;

	private void click(WebElement element) {
		this.clicks++;
		element.click();
	}

	private void choose(WebElement select, String value) {
		this.clicks++;
		new Select(select).selectByValue(value);
	}

	@Test
	void fromIntakeToReturnTakesTheOfficersAtMostFifteenClicks() {
		String base = "http://localhost:" + this.port;
		try (Browser browser = Browser.open(1280, 800)) {
			var driver = browser.driver;
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
			Supplier<WebElement> main = () -> driver.findElement(By.tagName("main"));

			// the counter: find the procedure by typing, tick the papers, accept
			browser.signIn(base, Api.COUNTER);
			wait.until(ExpectedConditions.urlContains("/can-bo"));
			click(driver.findElement(By.cssSelector("a[href$='/can-bo/tiep-nhan']")));
			driver.findElement(By.id("q")).sendKeys("khai sinh");
			wait.until(ExpectedConditions.attributeToBe(By.id("procedure-results"), "data-q", "khai sinh"));
			click(driver.findElement(By.cssSelector("#procedure-results a")));
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("due-if-now")));
			driver.findElement(By.id("idNumber")).sendKeys("038190004321");
			driver.findElement(By.id("applicantName")).sendKeys("Đỗ Thị Mai");
			driver.findElement(By.id("phone")).sendKeys("0912345670");
			click(driver.findElement(By.id("all-mandatory")));
			click(driver.findElement(By.id("intake-submit")));
			wait.until(ExpectedConditions.urlContains("/bien-nhan"));
			String code = driver.getCurrentUrl().replaceAll(".*/ho-so/([^/]+)/bien-nhan.*", "$1");
			click(driver.findElement(By.cssSelector("a[href$='/can-bo/ho-so/" + code + "']")));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("action-assign")));
			choose(driver.findElement(By.id("assignee-assign")), Api.SPECIALIST);
			click(driver.findElement(By.cssSelector("#action-assign button")));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Đang xử lý"));

			// the specialist: from the queue, forward to the leader with a proposal
			browser.signIn(base, Api.SPECIALIST);
			wait.until(ExpectedConditions.urlContains("/can-bo"));
			click(driver.findElement(By.linkText(code)));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("action-forward")));
			WebElement leader = driver.findElement(By.id("assignee-forward"));
			if (!Api.LEADER.equals(new Select(leader).getFirstSelectedOption().getAttribute("value"))) {
				choose(leader, Api.LEADER);
			}
			driver.findElement(By.id("note-forward")).sendKeys("Đủ điều kiện, đề nghị phê duyệt.");
			click(driver.findElement(By.cssSelector("#action-forward button")));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Chờ phê duyệt"));

			// the leader: the approval is the page's primary action, with the proposal,
			// no scrolling
			browser.signIn(base, Api.LEADER);
			wait.until(ExpectedConditions.urlContains("/can-bo"));
			click(driver.findElement(By.linkText(code)));
			WebElement approve = wait.until(
					ExpectedConditions.presenceOfElementLocated(By.cssSelector(".next-step #action-approve button")));
			assertThat(driver.findElement(By.id("proposal")).getText()).contains("đề nghị phê duyệt");
			Object bottom = driver.executeScript(
					"var r = arguments[0].getBoundingClientRect(); return r.bottom <= window.innerHeight && r.top >= 0;",
					approve);
			assertThat(bottom).as("'Phê duyệt' is visible without scrolling at 1280 x 800").isEqualTo(true);
			browser.screenshot("leader-approval-1280");
			click(approve);
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Đã phê duyệt"));

			// the counter: record the result and hand it back
			browser.signIn(base, Api.COUNTER);
			wait.until(ExpectedConditions.urlContains("/can-bo"));
			click(driver.findElement(By.linkText(code)));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("action-record-result")));
			driver.findElement(By.id("resultRef")).sendKeys("Giấy khai sinh số 31/2026");
			click(driver.findElement(By.cssSelector("#action-record-result button")));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Có kết quả, chờ trả"));
			click(driver.findElement(By.cssSelector("#action-return-result button")));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Đã trả kết quả"));
			assertThat(main.get().getText()).contains("Giấy khai sinh số 31/2026");

			System.out.println("Clicks from intake to return: " + this.clicks);
			assertThat(this.clicks).as("the officers' clicks from intake to return").isLessThanOrEqualTo(15);
		}
	}

}
