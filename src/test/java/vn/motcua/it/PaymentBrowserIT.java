package vn.motcua.it;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.core.ProcedureContent;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.core.SubmittedComponent;
import vn.motcua.forms.PdfText;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.payment.Payments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fee paid online in real Chromium (issue 13), on a phone: the citizen looks up a
 * dossier with a fee, sees its amount and the pay button without scrolling sideways at
 * 360 px, pays in the application's sandbox of VNPay (approve), comes back to the return
 * page, which says it was paid once the gateway's IPN (sent server to server by the
 * sandbox) was applied, and downloads the e-receipt, read back with pdftotext; the
 * look-up then says the fee is paid and the dossier no longer waits for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "motcua.payment.base-url=http://localhost:${local.server.port}")
@ContextConfiguration(initializers = TestDatabase.class)
class PaymentBrowserIT {

	static final String ID = "038190007788";

	static final String WAITING_FOR_THE_FEE = "Chờ nộp phí";

	@LocalServerPort
	int port;

	@Autowired
	DossierIntake intake;

	@Autowired
	Catalog catalog;

	@Autowired
	Officers officers;

	@Autowired
	Payments payments;

	private String base() {
		return "http://localhost:" + this.port;
	}

	/** Chứng thực di chúc (50,000 đồng), received at the counter now. */
	private String willDossier() {
		ProcedureContent content = this.catalog.get(Api.WARD, PaymentPagesIT.WILL, null).content();
		List<SubmittedComponent> components = content.components()
			.stream()
			.filter(ProcedureContent.Component::mandatory)
			.map(c -> new SubmittedComponent(c.name(), Math.max(1, c.originals()), c.copies()))
			.toList();
		return this.intake.intake(Actor.of(this.officers.find(Api.COUNTER).orElseThrow()),
				new DossierIntake.IntakeRequest(Api.WARD, PaymentPagesIT.WILL, Channel.COUNTER,
						new Applicant("Đỗ Văn Hùng", ID, "0988123456", null, "Số 9, đường Nguyễn Trãi"), components,
						false, null),
				List.of())
			.dossier()
			.code();
	}

	@Test
	void theCitizenPaysTheFeeOnAPhoneAndDownloadsTheEReceipt() throws Exception {
		PdfText.assumeInstalled();
		String code = willDossier();
		String lookup = base() + "/tra-cuu?code=" + code + "&digits=" + ID.substring(8);
		try (Browser browser = Browser.open(1280, 900)) {
			ChromeDriver driver = browser.driver;
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));

			// on a desktop, then on a phone: the amount, the stage, the button in view
			driver.get(lookup);
			assertThat(driver.findElement(By.id("pay-" + code)).isDisplayed()).isTrue();
			assertThat(driver.findElement(By.id("lookup-fee")).getText()).contains("50.000 đ");
			browser.screenshot("payment-lookup-1280");
			driver.manage().window().setSize(new Dimension(360, 800));
			driver.get(lookup);
			String before = driver.findElement(By.id("lookup-status")).getText();
			WebElement pay = driver.findElement(By.id("pay-" + code));
			assertThat(pay.isDisplayed()).isTrue();
			assertThat(pay.getText()).isEqualTo("Nộp phí trực tuyến");
			assertThat(browser.scrollsSideways()).as("the look-up fits 360 px").isFalse();
			Rectangle r = pay.getRect();
			long width = (Long) driver.executeScript("return document.documentElement.clientWidth;");
			assertThat((long) r.getX() + r.getWidth()).as("the pay button within the screen's width")
				.isLessThanOrEqualTo(width);
			browser.screenshot("payment-lookup-360");

			// the sandbox gateway: approve
			pay.click();
			WebElement approve = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.approve")));
			assertThat(driver.findElement(By.id("amount")).getText()).contains("50.000");
			browser.screenshot("payment-sandbox-360");
			approve.click();

			// back: paid, the IPN applied; the e-receipt once issued
			wait.until(ExpectedConditions.urlContains("/thanh-toan/vnpay/ket-qua"));
			assertThat(driver.findElement(By.id("payment-result")).getText()).contains("đã được thanh toán", code);
			assertThat(this.payments.ofDossier(code)).singleElement()
				.satisfies(p -> assertThat(p.status()).isEqualTo(PaymentStatus.PAID));
			WebElement receipt = browser.awaitAfterReload(By.id("payment-receipt"));
			assertThat(browser.scrollsSideways()).as("the return page fits 360 px").isFalse();
			browser.screenshot("payment-return-360");
			String text = PdfText.of(browser.fetch(receipt.getAttribute("href")));
			assertThat(text).contains("BIÊN LAI THU PHÍ, LỆ PHÍ", "Đỗ Văn Hùng", code, "Chứng thực di chúc",
					"Năm mươi nghìn đồng", "Trực tuyến qua cổng thanh toán VNPay");

			// the look-up: paid, no button; a dossier that waited for the fee goes on
			driver.findElement(By.id("payment-back")).click();
			driver.get(lookup);
			assertThat(driver.findElement(By.id("lookup-fee")).getText()).contains("Đã nộp phí");
			assertThat(driver.findElements(By.id("pay-" + code))).isEmpty();
			assertThat(driver.findElements(By.cssSelector("#lookup-receipts a"))).hasSize(1);
			assertThat(before).isEqualTo(WAITING_FOR_THE_FEE);
			assertThat(driver.findElement(By.id("lookup-status")).getText()).isNotEqualTo(WAITING_FOR_THE_FEE);
		}
	}

}
