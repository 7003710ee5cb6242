package vn.motcua.api;

import java.io.IOException;
import java.io.InputStream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.motcua.shared.Budget;
import vn.motcua.shared.RateLimits;
import vn.motcua.signing.SignatureReport;
import vn.motcua.signing.SignatureValidation;

/**
 * The validation of any PDF's digital signatures (ADR 34): open to all, as anyone may
 * check a paper they were given; limited per client address (ADR 17). The file is read
 * for the check only and kept nowhere.
 */
@RestController
@RequestMapping("/api/v1/signatures/validation")
@Tag(name = "Signatures", description = "Validation of a signed PDF's digital signatures (PAdES)")
class SignatureApiController {

	private final SignatureValidation validation;

	private final RateLimits limits;

	SignatureApiController(SignatureValidation validation, RateLimits limits) {
		this.validation = validation;
		this.limits = limits;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Validate the signatures of a PDF sent as the form part 'file'",
			description = "Who signed, when, whether the document was changed after signing, the verdict "
					+ "(DSS's indication and sub-indication) and the certificate chain of each signature. "
					+ "Not a whole PDF: PDF_INVALID; a broken signature container: SIGNATURE_INVALID.")
	SignatureReport validate(@RequestPart("file") MultipartFile file, HttpServletRequest request) throws IOException {
		this.limits.acquire(Budget.SIGNATURE_CHECK, request.getRemoteAddr());
		try (InputStream in = file.getInputStream()) {
			return this.validation.validate(in);
		}
	}

	@PostMapping(consumes = { MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE })
	@Operation(summary = "Validate the signatures of a PDF sent as the body itself",
			description = "As with the form part, the PDF being the body (at most 20 MB).")
	SignatureReport validateBody(HttpServletRequest request) throws IOException {
		this.limits.acquire(Budget.SIGNATURE_CHECK, request.getRemoteAddr());
		try (InputStream in = request.getInputStream()) {
			return this.validation.validate(in);
		}
	}

}
