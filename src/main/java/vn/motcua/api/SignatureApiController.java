package vn.motcua.api;

import java.io.IOException;
import java.io.InputStream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

import vn.motcua.shared.Budget;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;
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

	/** The part of a multipart body that holds the PDF. */
	static final String PART = "file";

	private final SignatureValidation validation;

	private final RateLimits limits;

	SignatureApiController(SignatureValidation validation, RateLimits limits) {
		this.validation = validation;
		this.limits = limits;
	}

	/** The form part 'file' of a multipart body, or the body itself. */
	@PostMapping(consumes = { MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_PDF_VALUE,
			MediaType.APPLICATION_OCTET_STREAM_VALUE })
	@Operation(summary = "Validate the signatures of a PDF (anyone; nothing is kept)",
			description = "The PDF is the form part 'file' of a multipart body, or the body itself (application/pdf, "
					+ "at most 20 MB). The answer names, for each signature, who signed (the certificate's CN), "
					+ "the claimed signing time, whether the document was changed after signing, DSS's indication "
					+ "and sub-indication, and the certificate chain; an unsigned PDF has none. Not a whole PDF "
					+ "(empty, another format, truncated): 400 PDF_INVALID; a broken signature container: 400 "
					+ "SIGNATURE_INVALID. At most 30 checks per address in 10 minutes (429).",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = {
							@Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
									schema = @Schema(implementation = PdfPart.class),
									encoding = @Encoding(name = PART, contentType = MediaType.APPLICATION_PDF_VALUE)),
							@Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
									schema = @Schema(type = "string", format = "binary")) }))
	SignatureReport validate(HttpServletRequest request) throws IOException {
		this.limits.acquire(Budget.SIGNATURE_CHECK, request.getRemoteAddr());
		// the multipart request may be under the edge's and security's wrappers
		MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
		if (multipart != null) {
			MultipartFile file = multipart.getFile(PART);
			if (file == null) {
				throw Problem.invalid(ProblemCode.MISSING_PARAMETER, PART, "the form part 'file' holds the PDF");
			}
			try (InputStream in = file.getInputStream()) {
				return this.validation.validate(in);
			}
		}
		try (InputStream in = request.getInputStream()) {
			return this.validation.validate(in);
		}
	}

	/** The multipart body's schema, for the spec. */
	@Schema(name = "SignedPdfUpload")
	record PdfPart(@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED,
			description = "the PDF to check") String file) {
	}

}
