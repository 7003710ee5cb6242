package vn.motcua.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import vn.motcua.signing.Signatures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anyone checks a signed paper on the public page, at 360 and 1280 px: reached from the
 * footer, a good signature reads "Hợp lệ" with who signed and the chain; the same file
 * with one byte changed reads "Không hợp lệ" and that it was changed after signing; the
 * page never scrolls sideways.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class SignatureCheckBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	Signatures signatures;

	@ParameterizedTest
	@ValueSource(ints = { 360, 1280 })
	void aCitizenChecksAGoodAndATamperedPaper(int width) throws Exception {
		String base = "http://localhost:" + this.port;
		byte[] signed = SigningIT.signedByTheLeader(this.signatures);
		Path good = Files.createTempFile("ket-qua-", ".pdf");
		Path changed = Files.createTempFile("ket-qua-sua-", ".pdf");
		Files.write(good, signed);
		Files.write(changed, SigningIT.tampered(signed));
		try (Browser browser = Browser.open(width, 800)) {
			var driver = browser.driver;
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
			driver.get(base + "/tra-cuu");
			driver.get(driver.findElement(By.id("footer-signatures")).getAttribute("href"));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Kiểm tra chữ ký số");
			assertThat(browser.unlabelledFields()).isEmpty();

			driver.findElement(By.id("file")).sendKeys(good.toString());
			driver.findElement(By.id("signatures-submit")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signatures-report")));
			assertThat(driver.findElement(By.cssSelector("#signature-1 .verdict")).getText()).isEqualTo("Hợp lệ");
			assertThat(driver.findElement(By.cssSelector("#signature-1 .signature-demo")).getText())
				.contains("khóa thử nghiệm", "không có giá trị pháp lý");
			assertThat(driver.findElement(By.cssSelector("#signature-1 .signed-by")).getText())
				.isEqualTo("Trần Văn Minh (DEMO)");
			assertThat(driver.findElement(By.cssSelector("#signature-1 .document-changed")).getText())
				.isEqualTo("Không");
			assertThat(driver.findElement(By.cssSelector("#signature-1 .certificate-chain")).getText())
				.contains("MotCua DEMO CA — không có giá trị pháp lý");
			assertThat(browser.scrollsSideways()).isFalse();
			browser.screenshot("signature-check-valid-" + width);

			driver.findElement(By.id("file")).sendKeys(changed.toString());
			driver.findElement(By.id("signatures-submit")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#signature-1 .signature-changed")));
			assertThat(driver.findElement(By.cssSelector("#signature-1 .verdict")).getText()).isEqualTo("Không hợp lệ");
			assertThat(driver.findElement(By.cssSelector("#signature-1 .document-changed")).getText()).isEqualTo("Có");
			assertThat(browser.scrollsSideways()).isFalse();
			browser.screenshot("signature-check-changed-" + width);
		}
		finally {
			Files.deleteIfExists(good);
			Files.deleteIfExists(changed);
		}
	}

}
