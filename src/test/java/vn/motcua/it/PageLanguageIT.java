package vn.motcua.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.motcua.it.Api.COUNTER;
import static vn.motcua.it.Api.LEADER;
import static vn.motcua.it.Api.SPECIALIST;

/**
 * Every page a person sees, on the way of a dossier from intake to return and on the
 * error paths, reads in Vietnamese: no English words, no enum or developer names, no
 * usernames, no ISO timestamps.
 */
@IntegrationTest
class PageLanguageIT {

	/** English words that no Vietnamese sentence of ours holds. */
	private static final Pattern ENGLISH = Pattern.compile(
			"\\b(the|is|are|must|should|required|invalid|error|not|found|with|and|of|for|from|this|that|null|true|false|"
					+ "step|assignee|due|status|working|minutes|left|unit|procedure|blank|digits|characters)\\b");

	/** A constant's name, such as IN_PROCESSING or ONE_STOP_OFFICER. */
	private static final Pattern CONSTANT = Pattern.compile("\\b[A-Z]{2,}(_[A-Z]+)+\\b");

	/** An ISO date or timestamp, such as 2026-12-03 or 2026-12-03T08:30. */
	private static final Pattern ISO = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2})?");

	private static final List<String> USERNAMES = List.of(COUNTER, SPECIALIST, LEADER, "admin");

	@Autowired
	MockMvc mvc;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.mvc);
	}

	@Test
	void theCitizensPagesAndTheirErrorsReadInVietnamese() throws Exception {
		String code = this.api.receiveBirth();
		readsInVietnamese(get("/thu-tuc"));
		readsInVietnamese(get("/thu-tuc").param("q", "khai sinh"));
		readsInVietnamese(get("/thu-tuc/1.001193").param("unit", Api.WARD));
		readsInVietnamese(get("/tra-cuu"));
		readsInVietnamese(get("/tra-cuu").param("code", code).param("digits", "1234"));
		readsInVietnamese(get("/tra-cuu").param("code", code).param("digits", "9999"));
		readsInVietnamese(get("/nop-truc-tuyen"));
		readsInVietnamese(get("/nop-truc-tuyen").param("unit", Api.WARD).param("procedure", "1.001193"));
		readsInVietnamese(get("/dang-nhap"));
		readsInVietnamese(get("/trang-khong-co"));
		readsInVietnamese(get("/thu-tuc/9.999999").param("unit", Api.WARD));
		// a form sent wrong: every field's error in Vietnamese
		String page = readsInVietnamese(post("/nop-truc-tuyen").with(csrf())
			.param("unit", Api.WARD)
			.param("procedure", "1.001193")
			.param("name", "")
			.param("idNumber", "03819900123")
			.param("email", "khong-phai-email")
			.param("phone", "09xx"));
		assertThat(page).contains("Số định danh cá nhân gồm đúng 12 chữ số")
			.contains("Số điện thoại gồm 10 chữ số")
			.contains("thư điện tử đúng dạng")
			.contains("value=\"03819900123\"")
			.contains("value=\"09xx\"");
	}

	@Test
	void theOfficersPagesReadInVietnameseAtEveryStepFromIntakeToReturn() throws Exception {
		String code = this.api.receiveBirth();
		String dossier = "/can-bo/ho-so/" + code;
		readsInVietnamese(get("/can-bo"), officer(COUNTER, "ONE_STOP_OFFICER"));
		readsInVietnamese(get("/can-bo/tiep-nhan"), officer(COUNTER, "ONE_STOP_OFFICER"));
		readsInVietnamese(get(dossier), officer(COUNTER, "ONE_STOP_OFFICER"));
		readsInVietnamese(get(dossier + "/bien-nhan"), officer(COUNTER, "ONE_STOP_OFFICER"));
		this.api.assignToSpecialist(code);
		readsInVietnamese(get(dossier), officer(SPECIALIST, "SPECIALIST"));
		readsInVietnamese(get("/can-bo"), officer(SPECIALIST, "SPECIALIST"));
		// an action sent without what it needs: the page again, in Vietnamese
		readsInVietnamese(post(dossier + "/send-back").with(csrf()), officer(SPECIALIST, "SPECIALIST"));
		this.api.act(SPECIALIST, code, "forward", "{\"note\": \"Đủ điều kiện, đề nghị phê duyệt.\"}");
		String leaderPage = readsInVietnamese(get(dossier), officer(LEADER, "LEADER"));
		assertThat(leaderPage).contains("Đủ điều kiện, đề nghị phê duyệt.");
		readsInVietnamese(get("/can-bo"), officer(LEADER, "LEADER"));
		readsInVietnamese(post(dossier + "/refuse").with(csrf()), officer(LEADER, "LEADER"));
		this.api.act(LEADER, code, "approve", null);
		readsInVietnamese(get(dossier), officer(COUNTER, "ONE_STOP_OFFICER"));
		this.api.act(COUNTER, code, "record-result", "{\"resultRef\": \"Giấy khai sinh số 12/2026\"}");
		readsInVietnamese(get(dossier), officer(COUNTER, "ONE_STOP_OFFICER"));
		this.api.act(COUNTER, code, "return-result", "{\"channel\": \"COUNTER\"}");
		readsInVietnamese(get(dossier), officer(COUNTER, "ONE_STOP_OFFICER"));
		readsInVietnamese(get("/tra-cuu").param("code", code).param("digits", "1234"));
		readsInVietnamese(post("/tra-cuu/danh-gia").with(csrf())
			.param("code", code)
			.param("digits", "1234")
			.param("rating", "NOT_SATISFIED"));
	}

	private static RequestPostProcessor officer(String username, String role) {
		return user(username).roles(role);
	}

	private String readsInVietnamese(MockHttpServletRequestBuilder request, RequestPostProcessor... as)
			throws Exception {
		request.header(HttpHeaders.ACCEPT, "text/html").locale(Locale.forLanguageTag("vi"));
		for (RequestPostProcessor p : as) {
			request.with(p);
		}
		MvcResult result = this.mvc.perform(request).andReturn();
		String html = result.getResponse().getContentAsString();
		String what = result.getRequest().getMethod() + " " + result.getRequest().getRequestURI() + " ("
				+ result.getResponse().getStatus() + ")";
		assertThat(result.getResponse().getStatus()).as(what).isLessThan(500);
		assertThat(result.getResponse().getContentType()).as(what).startsWith("text/html");
		String text = visibleText(html);
		assertThat(found(ENGLISH, text)).as(what + " English words in: " + text).isEmpty();
		assertThat(found(CONSTANT, text)).as(what + " constants' names in: " + text).isEmpty();
		assertThat(found(ISO, text)).as(what + " ISO timestamps in: " + text).isEmpty();
		assertThat(USERNAMES.stream().filter(u -> text.matches("(?s).*\\b" + Pattern.quote(u) + "\\b.*")))
			.as(what + " usernames in: " + text)
			.isEmpty();
		return html;
	}

	/** The text a reader sees: no markup, scripts or styles. */
	static String visibleText(String html) {
		return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
			.replaceAll("(?s)<!--.*?-->", " ")
			.replaceAll("(?s)<[^>]+>", " ")
			.replace("&nbsp;", " ")
			.replace("&amp;", "&")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replaceAll("\\s+", " ");
	}

	private static List<String> found(Pattern pattern, String text) {
		List<String> found = new ArrayList<>();
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			found.add(m.group());
		}
		return found;
	}

}
