package vn.motcua.api;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.dossier.DossierNotFound;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.feedback.Rating;
import vn.motcua.feedback.Ratings;
import vn.motcua.shared.Budget;
import vn.motcua.shared.RateLimited;
import vn.motcua.shared.RateLimits;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApiSliceTest(LookupApiController.class)
class LookupApiControllerTest {

	static final String CODE = "H1-260101-0001";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	DossierQueries dossiers;

	@MockitoBean
	Ratings ratings;

	/** Mocked by {@link ApiSliceTest} for every slice (sign-in counts in it). */
	@Autowired
	RateLimits limits;

	@BeforeEach
	void everyLookUpIsWithinTheLimit() {
		given(this.limits.proving(any(), any(), any(), any()))
			.willAnswer(call -> call.<Supplier<?>>getArgument(3).get());
	}

	@Test
	void aLookUpIsPublicAndShowsNoPersonalData() throws Exception {
		given(this.dossiers.lookup(CODE, "1234")).willReturn(new PublicStatus(CODE, "H1", "Đăng ký khai sinh",
				DossierStatus.RECEIVED, Instant.parse("2026-01-01T02:00:00Z"), Instant.parse("2026-01-01T02:00:00Z"),
				Instant.parse("2026-01-06T10:00:00Z"), false, null, null, null, null, null, null, null, false, null));
		this.mvc.perform(get("/api/v1/lookup/{code}", CODE).param("digits", "1234"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value(CODE))
			.andExpect(jsonPath("$.unitCode").value("H1"))
			.andExpect(jsonPath("$.procedureName").value("Đăng ký khai sinh"))
			.andExpect(jsonPath("$.status").value("RECEIVED"))
			.andExpect(jsonPath("$.dueAt").value("2026-01-06T10:00:00Z"))
			.andExpect(jsonPath("$.overdue").value(false))
			.andExpect(jsonPath("$.applicant").doesNotExist());
	}

	@Test
	void theDigitsAreRequired() throws Exception {
		this.mvc.perform(get("/api/v1/lookup/{code}", CODE))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("MISSING_PARAMETER"))
			.andExpect(jsonPath("$.errors[0].field").value("digits"));
	}

	@Test
	void anUnknownDossierIsA404() throws Exception {
		given(this.dossiers.lookup(CODE, "0000")).willThrow(DossierNotFound.forCode(CODE));
		this.mvc.perform(get("/api/v1/lookup/{code}", CODE).param("digits", "0000"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("DOSSIER_NOT_FOUND"))
			.andExpect(jsonPath("$.errors[0].field").value("code"));
	}

	@Test
	void tooManyLookUpsAreA429WithRetryAfter() throws Exception {
		willThrow(new RateLimited(Budget.LOOKUP, 30, Duration.ofMinutes(10), Duration.ofSeconds(90))).given(this.limits)
			.proving(any(), any(), any(), any());
		this.mvc.perform(get("/api/v1/lookup/{code}", CODE).param("digits", "1234"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "90"))
			.andExpect(jsonPath("$.code").value("TOO_MANY_REQUESTS"))
			.andExpect(jsonPath("$.retryAfter").value(90));
		then(this.dossiers).shouldHaveNoInteractions();
	}

	@Test
	void aRatingNeedsNoSignInAndAnswersNoContent() throws Exception {
		this.mvc
			.perform(post("/api/v1/lookup/{code}/rating", CODE).contentType(MediaType.APPLICATION_JSON)
				.content("{\"digits\": \"1234\", \"rating\": \"SATISFIED\"}"))
			.andExpect(status().isNoContent());
		then(this.ratings).should().rate(CODE, "1234", Rating.SATISFIED, null);
	}

	@Test
	void aRatingWithWrongFieldsNamesEach() throws Exception {
		this.mvc
			.perform(post("/api/v1/lookup/{code}/rating", CODE).contentType(MediaType.APPLICATION_JSON)
				.content("{\"digits\": \"123\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("digits", "rating")));
		this.mvc
			.perform(post("/api/v1/lookup/{code}/rating", CODE).contentType(MediaType.APPLICATION_JSON)
				.content("{\"digits\": \"1234\", \"rating\": \"HAPPY\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("UNREADABLE_BODY"))
			.andExpect(jsonPath("$.errors[0].field").value("rating"));
		this.mvc.perform(post("/api/v1/lookup/{code}/rating", CODE).contentType(MediaType.TEXT_PLAIN).content("hay"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"))
			.andExpect(jsonPath("$.errors[0].field").value("Content-Type"));
		then(this.ratings).shouldHaveNoInteractions();
	}

}
