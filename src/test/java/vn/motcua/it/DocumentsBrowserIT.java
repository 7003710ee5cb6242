package vn.motcua.it;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierActions;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.forms.PdfText;
import vn.motcua.org.Officers;
import vn.motcua.signing.SignatureReport;
import vn.motcua.signing.SignatureValidation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The papers of a dossier in real Chromium (issue 12): the counter officer prints the
 * receipt as PDF, the specialist uploads the result's draft, the leader approves and
 * signs it in one action, and the citizen, signed in through the stand-in for VNeID,
 * downloads the signed result from "my dossiers"; the file validates with DSS and with
 * poppler's {@code pdfsig}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = { TestDatabase.class, DocumentsBrowserIT.Provider.class })
class DocumentsBrowserIT {

	static final MockOAuth2Server VNEID = new MockOAuth2Server();

	static final String ID = "038199054321";

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

	@Autowired
	DossierIntake intake;

	@Autowired
	DossierActions actions;

	@Autowired
	Officers officers;

	@Autowired
	SignatureValidation validation;

	private String base() {
		return "http://localhost:" + this.port;
	}

	@Test
	void theReceiptIsPrintedTheLeaderSignsTheResultAndTheCitizenDownloadsIt() throws Exception {
		PdfText.assumeInstalled();
		DossierMaker maker = new DossierMaker(this.intake, this.actions, this.officers);
		String code = maker.birth(Api.COUNTER, Api.WARD,
				new Applicant("Phạm Thị Ngọc Ánh", ID, "0903111222", null, "Số 5, đường Trần Phú"));
		try (Browser browser = Browser.open(1280, 1000)) {
			ChromeDriver driver = browser.driver;
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));

			// the counter officer prints the receipt (Form 01) as PDF
			browser.signIn(base(), Api.COUNTER);
			wait.until(ExpectedConditions.urlContains("/can-bo"));
			driver.get(base() + "/can-bo/ho-so/" + code);
			WebElement receipt = browser.awaitAfterReload(By.cssSelector("#issued-documents [data-kind=RECEIPT] a"));
			byte[] receiptPdf = browser.fetch(receipt.getAttribute("href"));
			assertThat(PdfText.flat(PdfText.of(receiptPdf))).contains(code, "Phạm Thị Ngọc Ánh");
			browser.screenshot("documents-counter");
			maker.act(Api.COUNTER, code, DossierAction.ASSIGN, Api.SPECIALIST);

			// the specialist uploads the result's draft and hands it to the leader
			browser.signIn(base(), Api.SPECIALIST);
			wait.until(ExpectedConditions.urlContains("/can-bo"));
			driver.get(base() + "/can-bo/ho-so/" + code);
			Path draft = java.nio.file.Files.createTempFile("du-thao-", ".pdf");
			java.nio.file.Files.write(draft, SigningIT.pdf("Giấy khai sinh của cháu Phạm Minh Khôi"));
			driver.findElement(By.id("result-file")).sendKeys(draft.toString());
			driver.findElement(By.cssSelector("#result-form button[type=submit]")).click();
			wait.until(ExpectedConditions
				.presenceOfElementLocated(By.cssSelector("#issued-documents [data-kind=RESULT]")));
			browser.act("forward", Map.of("assignee-forward", Api.LEADER));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Chờ phê duyệt"));

			// the leader approves and signs in the same action, then records the result
			browser.signIn(base(), Api.LEADER);
			wait.until(ExpectedConditions.urlContains("/can-bo"));
			driver.get(base() + "/can-bo/ho-so/" + code);
			assertThat(driver.findElement(By.id("signResult")).isSelected()).as("signing is proposed").isTrue();
			assertThat(browser.unlabelledFields()).as("every field of the approval has a label").isEmpty();
			browser.act("approve", Map.of());
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Đã phê duyệt"));
			browser.act("record-result", Map.of("resultRef", "Giấy khai sinh số 12/2026"));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Có kết quả"));
			browser.screenshot("documents-leader");

			// the citizen downloads the signed result from "my dossiers", on a phone
			driver.manage().deleteAllCookies();
			driver.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
			VNEID.enqueueCallback(new DefaultOAuth2TokenCallback("vneid", "vneid-" + ID, "JWT", List.of("motcua"),
					Map.of("name", "Phạm Thị Ngọc Ánh", "personal_id", ID), 3600));
			driver.get(base() + "/dang-nhap");
			driver.findElement(By.id("vneid")).click();
			wait.until(ExpectedConditions.urlContains("/cong-dan"));
			driver.get(base() + "/cong-dan");
			WebElement result = browser
				.awaitAfterReload(By.xpath("//ul[@id='my-dossiers']//a[contains(., 'Kết quả giải quyết hồ sơ')]"));
			assertThat(browser.scrollsSideways()).as("my dossiers fit 360 px").isFalse();
			browser.screenshot("documents-citizen-360");
			byte[] signed = browser.fetch(result.getAttribute("href"));
			SignatureReport report = this.validation.validate(new ByteArrayInputStream(signed));
			assertThat(report.signatures()).singleElement().satisfies(check -> {
				assertThat(check.verdict()).isEqualTo(SignatureReport.Verdict.VALID);
				assertThat(check.documentChanged()).isFalse();
			});
			if (java.nio.file.Files.isExecutable(SigningIT.PDFSIG)) {
				assertThat(SigningIT.pdfsig(signed)).contains("Signature is Valid");
			}
			assertThat(PdfText.flat(PdfText.of(signed))).contains("Giấy khai sinh của cháu Phạm Minh Khôi");
		}
	}

}
