package vn.motcua.signing;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.TimeZone;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignerTextHorizontalAlignment;
import eu.europa.esig.dss.enumerations.TextWrapping;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.DSSFileFont;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import vn.motcua.org.Officer;
import vn.motcua.org.Officers;
import vn.motcua.org.Role;
import vn.motcua.org.Unit;
import vn.motcua.org.Units;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * Signs PDFs on the server (PAdES, EU DSS; ADR 34) with an officer's key or a unit's seal
 * from the keystore directory: level B-B, or B-T with a timestamp from
 * {@code motcua.signing.tsa-url} when it is set; a visible signature block on the last
 * page says who signed (name, title, unit) and when, in Vietnam time.
 */
@Service
public class Signatures {

	/**
	 * The font of the signature block: every Vietnamese letter (DejaVu, its licence
	 * beside it).
	 */
	static final String FONT = "/fonts/DejaVuSans.ttf";

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy");

	/** The block's size and its margin from the page's bottom right corner, in points. */
	private static final float WIDTH = 250;

	private static final float HEIGHT = 78;

	private static final float MARGIN = 28;

	private final KeyDirectory keys;

	private final DemoAuthority demo;

	private final Officers officers;

	private final Units units;

	private final Clock clock;

	private final String tsaUrl;

	private final byte[] font;

	Signatures(KeyDirectory keys, DemoAuthority demo, Officers officers, Units units, Clock clock,
			@Value("${motcua.signing.tsa-url:}") String tsaUrl) {
		this.keys = keys;
		this.demo = demo;
		this.officers = officers;
		this.units = units;
		this.clock = clock;
		this.tsaUrl = tsaUrl.strip();
		try (InputStream in = Signatures.class.getResourceAsStream(FONT)) {
			this.font = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The level every signature is made at: B-T with a timestamp authority, else B-B. */
	public SignatureLevel level() {
		return this.tsaUrl.isEmpty() ? SignatureLevel.PAdES_BASELINE_B : SignatureLevel.PAdES_BASELINE_T;
	}

	/**
	 * The PDF signed by the signer's key, with the reason (e.g. "Phê duyệt kết quả") in
	 * the signature dictionary.
	 * @throws Problem {@link ProblemCode#PDF_INVALID} when the bytes are not a PDF,
	 * {@link ProblemCode#SIGNING_KEY_NOT_FOUND} when the signer has no key (nor, on the
	 * demo, is a known officer or unit)
	 */
	public byte[] sign(byte[] pdf, Signer signer, String reason) {
		Block block = block(signer);
		PDRectangle page;
		int pages;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			pages = document.getNumberOfPages();
			if (pages == 0) {
				throw Problem.invalid(ProblemCode.PDF_INVALID, "file", "the PDF has no page");
			}
			page = document.getPage(pages - 1).getCropBox();
		}
		catch (IOException ex) {
			throw Problem.invalid(ProblemCode.PDF_INVALID, "file", "not a PDF: " + ex.getMessage());
		}
		if (!this.keys.has(signer) && this.keys.demo()) {
			this.demo.issue(signer, block.name(), block.unit());
		}
		DSSPrivateKeyEntry key = this.keys.key(signer);
		Instant now = this.clock.instant();

		PAdESSignatureParameters parameters = new PAdESSignatureParameters();
		parameters.setSignatureLevel(level());
		parameters.setSigningCertificate(key.getCertificate());
		parameters.setCertificateChain(key.getCertificateChain());
		parameters.bLevel().setSigningDate(Date.from(now));
		parameters.setSigningTimeZone(TimeZone.getTimeZone(VIETNAM));
		parameters.setReason(reason);
		parameters.setSignerName(block.name());
		parameters.setLocation(block.unit());
		parameters.setAppName("MotCua");
		parameters.setImageParameters(image(block, now, pages, page));

		CommonCertificateVerifier verifier = new CommonCertificateVerifier();
		// B-B and B-T embed no revocation data: not a warning to log at every signature
		verifier.setAlertOnMissingRevocationData(new SilentOnStatusAlert());
		verifier.setAlertOnNoRevocationAfterBestSignatureTime(new SilentOnStatusAlert());
		PAdESService service = new PAdESService(verifier);
		service.setPdfObjFactory(new PdfBoxNativeObjectFactory());
		if (!this.tsaUrl.isEmpty()) {
			service.setTspSource(new OnlineTSPSource(this.tsaUrl));
		}
		DSSDocument document = new InMemoryDocument(pdf);
		ToBeSigned data = service.getDataToSign(document, parameters);
		SignatureValue value = this.keys.token(signer).sign(data, parameters.getDigestAlgorithm(), key);
		DSSDocument signed = service.signDocument(document, parameters, value);
		try (InputStream in = signed.openStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			in.transferTo(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What the signature block says of the signer. */
	record Block(String name, String title, String unit) {
	}

	Block block(Signer signer) {
		if (signer instanceof Signer.Officer o) {
			Officer officer = this.officers.find(o.username())
				.orElseThrow(() -> Problem.notFound(ProblemCode.SIGNING_KEY_NOT_FOUND, "signer",
						"no officer " + o.username()));
			String unit = this.units.find(officer.unitCode()).map(Unit::name).orElse(officer.unitCode());
			return new Block(officer.fullName(), title(officer), unit);
		}
		Signer.UnitSeal seal = (Signer.UnitSeal) signer;
		Unit unit = this.units.find(seal.unitCode())
			.orElseThrow(
					() -> Problem.notFound(ProblemCode.SIGNING_KEY_NOT_FOUND, "signer", "no unit " + seal.unitCode()));
		return new Block(unit.name(), "Con dấu của cơ quan", unit.name());
	}

	/** The officer's title as the block prints it: their highest role at the unit. */
	static String title(Officer officer) {
		for (Role role : new Role[] { Role.LEADER, Role.SPECIALIST, Role.ONE_STOP_OFFICER, Role.FINANCE_OFFICER,
				Role.SUPERVISOR, Role.ADMINISTRATOR }) {
			if (officer.roles().contains(role)) {
				return switch (role) {
					case LEADER -> "Lãnh đạo";
					case SPECIALIST -> "Chuyên viên";
					case ONE_STOP_OFFICER -> "Cán bộ một cửa";
					case FINANCE_OFFICER -> "Kế toán";
					case SUPERVISOR -> "Giám sát";
					default -> "Quản trị";
				};
			}
		}
		return "Cán bộ";
	}

	/** The block's text: who signed, their title and unit, and when (Vietnam time). */
	static String text(Block block, Instant at) {
		return "Ký số bởi: " + block.name() + "\nChức vụ: " + block.title() + "\nĐơn vị: " + block.unit()
				+ "\nThời gian: " + TIME.format(at.atZone(VIETNAM)) + " (giờ Việt Nam)";
	}

	private SignatureImageParameters image(Block block, Instant at, int pages, PDRectangle page) {
		SignatureFieldParameters field = new SignatureFieldParameters();
		field.setPage(pages);
		// the origin is the page's top left corner
		field.setOriginX(Math.max(0, page.getWidth() - WIDTH - MARGIN));
		field.setOriginY(Math.max(0, page.getHeight() - HEIGHT - MARGIN));
		field.setWidth(WIDTH);
		field.setHeight(HEIGHT);
		DSSFileFont font = new DSSFileFont(new InMemoryDocument(this.font));
		font.setSize(8);
		// the glyphs used only (else the whole font, some 400 kB, goes into every PDF)
		font.setEmbedFontSubset(true);
		SignatureImageTextParameters text = new SignatureImageTextParameters();
		text.setFont(font);
		text.setText(text(block, at));
		text.setTextColor(new Color(0x12, 0x3a, 0x6b));
		text.setBackgroundColor(new Color(0xf4, 0xf8, 0xfc));
		text.setPadding(6);
		text.setTextWrapping(TextWrapping.FILL_BOX);
		text.setSignerTextHorizontalAlignment(SignerTextHorizontalAlignment.LEFT);
		SignatureImageParameters image = new SignatureImageParameters();
		image.setFieldParameters(field);
		image.setTextParameters(text);
		return image;
	}

}
