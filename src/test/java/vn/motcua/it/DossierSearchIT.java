package vn.motcua.it;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import vn.motcua.calendar.core.CalendarFixture;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierActions;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.org.Officers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The search across a unit's dossiers, on the page and in the API, on a database of its
 * own with the clock set: by a part of the code, the applicant's name without accents,
 * the ID number, the phone however it is typed; by status, procedure and period received;
 * a page at a time, the links keeping the filters; only the officer's own unit.
 */
@IntegrationTest
@Import(DossierSearchIT.Clock.class)
class DossierSearchIT {

	@TestConfiguration
	static class Clock {

		@Bean
		@Primary
		MutableClock searchClock() {
			return new MutableClock(CalendarFixture.at("2026-12-07T09:00"), ZoneId.of("Asia/Ho_Chi_Minh"));
		}

	}

	static final String WARD = Api.WARD;

	static final String KHANH = "Phạm Quốc Khánh";

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	DossierIntake intake;

	@Autowired
	DossierActions actions;

	@Autowired
	Officers officers;

	@Autowired
	JdbcClient jdbc;

	/** Made once for the class; see {@link #receive}. */
	static String an, binh, bich, trungSonAn;

	static List<String> khanh = new ArrayList<>();

	@BeforeEach
	void setUp() {
		if (an == null) {
			receive(new DossierMaker(this.intake, this.actions, this.officers));
		}
	}

	/**
	 * Monday 7 December 2026 at Quảng Cư: Nguyễn Văn Ấn (ID 038091000111, phone
	 * 0912000111) and Trần Thị Bình (ID 038092000222), birth registrations; Bình's is
	 * assigned. Tuesday: Nguyễn Thị Bích's marriage registration (phone 0977000333), and
	 * 22 birth registrations of Phạm Quốc Khánh. At Trung Sơn, another Nguyễn Văn Ấn with
	 * the same ID number.
	 */
	private void receive(DossierMaker make) {
		this.clock.set(CalendarFixture.at("2026-12-07T09:00"));
		an = make.birth(Api.COUNTER, WARD, new Applicant("Nguyễn Văn Ấn", "038091000111", "0912000111", null, null));
		this.clock.set(CalendarFixture.at("2026-12-07T09:05"));
		binh = make.birth(Api.COUNTER, WARD, new Applicant("Trần Thị Bình", "038092000222", null, null, null));
		make.act(Api.COUNTER, binh, DossierAction.ASSIGN, Api.SPECIALIST);
		trungSonAn = make.birth("trungson.motcua", "H56.15.41",
				new Applicant("Nguyễn Văn Ấn", "038091000111", null, null, null));
		this.clock.set(CalendarFixture.at("2026-12-08T10:00"));
		bich = make.marriage(Api.COUNTER, WARD, new Applicant("Nguyễn Thị Bích", null, "0977000333", null, null));
		for (int i = 0; i < 22; i++) {
			this.clock.set(CalendarFixture.at("2026-12-08T10:00").plusSeconds(60L * (i + 1)));
			khanh.add(make.birth(Api.COUNTER, WARD, new Applicant(KHANH, null, null, null, null)));
		}
		this.clock.set(CalendarFixture.at("2026-12-08T14:00"));
	}

	private List<String> api(String user, String... params) throws Exception {
		var request = get("/api/v1/dossiers").param("unit", WARD).param("size", "50").with(Api.as(user));
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		JsonNode page = Api.json(this.mvc.perform(request).andExpect(status().isOk()));
		List<String> codes = new ArrayList<>();
		page.get("items").forEach(item -> codes.add(item.get("code").asString()));
		return codes;
	}

	private ResultActions page(String user, String role, String... params) throws Exception {
		var request = get("/can-bo/ho-so").with(user(user).roles(role));
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return this.mvc.perform(request);
	}

	private static String html(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString();
	}

	@Test
	void byAPartOfTheCodeInAnyCase() throws Exception {
		String day = an.substring(an.indexOf('-') + 1);
		assertThat(api(Api.LEADER, "q", an)).containsExactly(an);
		assertThat(api(Api.LEADER, "q", day)).containsExactly(an);
		assertThat(api(Api.LEADER, "q", an.toLowerCase())).containsExactly(an);
		assertThat(
				DossierMaker.rowCodes(html(page(Api.COUNTER, "ONE_STOP_OFFICER", "q", day).andExpect(status().isOk()))))
			.containsExactly(an);
	}

	@Test
	void byTheApplicantsNameWithoutAccentsOrInCapitals() throws Exception {
		assertThat(api(Api.LEADER, "q", "nguyen van an")).containsExactly(an);
		assertThat(api(Api.LEADER, "q", "NGUYỄN")).containsExactlyInAnyOrder(an, bich);
		assertThat(api(Api.LEADER, "q", "bich")).containsExactly(bich);
		assertThat(api(Api.LEADER, "q", "Nguyễn Bích")).containsExactly(bich);
		assertThat(api(Api.LEADER, "q", "nguyen xuan")).isEmpty();
	}

	@Test
	void byIdNumberWholeOrInPart() throws Exception {
		assertThat(api(Api.LEADER, "q", "038092000222")).containsExactly(binh);
		assertThat(api(Api.LEADER, "q", "092000222")).containsExactly(binh);
		String html = html(page(Api.COUNTER, "ONE_STOP_OFFICER", "q", "038091000111").andExpect(status().isOk()));
		assertThat(DossierMaker.rowCodes(html)).as("only the officer's own ward").containsExactly(an);
		assertThat(html).contains("1 hồ sơ", "Nguyễn Văn Ấn");
	}

	@Test
	void byPhoneHoweverItIsTyped() throws Exception {
		assertThat(api(Api.LEADER, "q", "0977000333")).containsExactly(bich);
		assertThat(api(Api.LEADER, "q", "0977 000 333")).containsExactly(bich);
		assertThat(api(Api.LEADER, "q", "+84 977.000.333")).containsExactly(bich);
		assertThat(api(Api.LEADER, "q", "0912-000-111")).containsExactly(an);
	}

	@Test
	void byStatusProcedureAndPeriodReceived() throws Exception {
		assertThat(api(Api.LEADER, "status", "IN_PROCESSING")).containsExactly(binh);
		assertThat(api(Api.LEADER, "procedure", "1.000894")).containsExactly(bich);
		assertThat(api(Api.LEADER, "q", "nguyen", "procedure", "1.001193")).containsExactly(an);
		assertThat(api(Api.LEADER, "from", "2026-12-07T17:00:00Z", "q", "nguyen")).containsExactly(bich);
		assertThat(api(Api.LEADER, "to", "2026-12-07T17:00:00Z")).containsExactlyInAnyOrder(an, binh);

		// the page takes days as dd/MM/yyyy, in Vietnam's time, both days included
		String html = html(page(Api.LEADER, "LEADER", "from", "08/12/2026", "to", "08/12/2026", "q", "nguyen")
			.andExpect(status().isOk()));
		assertThat(DossierMaker.rowCodes(html)).containsExactly(bich);
		html = html(page(Api.LEADER, "LEADER", "to", "7/12/2026").andExpect(status().isOk()));
		assertThat(DossierMaker.rowCodes(html)).containsExactlyInAnyOrder(an, binh);
		html = html(page(Api.LEADER, "LEADER", "status", "IN_PROCESSING", "procedure", "1.001193")
			.andExpect(status().isOk()));
		assertThat(DossierMaker.rowCodes(html)).containsExactly(binh);
		assertThat(html).contains("Lê Văn Nam").contains("selected=\"selected\"");
	}

	@Test
	void aPageAtATimeWithLinksThatKeepTheFilters() throws Exception {
		String first = html(page(Api.COUNTER, "ONE_STOP_OFFICER", "q", "pham quoc khanh", "procedure", "1.001193",
				"from", "08/12/2026")
			.andExpect(status().isOk()));
		assertThat(first).contains("22 hồ sơ", "Trang 1/2");
		List<String> one = DossierMaker.rowCodes(first);
		assertThat(one).hasSize(20);
		String next = first.substring(first.indexOf("rel=\"next\""));
		next = next.substring(next.indexOf("href=\"") + 6, next.indexOf('"', next.indexOf("href=\"") + 6))
			.replace("&amp;", "&");
		assertThat(next).contains("q=", "procedure=1.001193", "from=", "page=1");
		// the second page holds the two left (without the filters it would hold five)
		String second = html(
				this.mvc.perform(get(java.net.URI.create(next)).with(user(Api.COUNTER).roles("ONE_STOP_OFFICER")))
					.andExpect(status().isOk()));
		assertThat(second).contains("22 hồ sơ", "Trang 2/2");
		List<String> two = DossierMaker.rowCodes(second);
		assertThat(two).hasSize(2);
		List<String> all = new ArrayList<>(one);
		all.addAll(two);
		assertThat(all).containsExactlyInAnyOrderElementsOf(khanh);

		this.mvc
			.perform(get("/api/v1/dossiers").param("unit", WARD)
				.param("q", KHANH)
				.param("size", "20")
				.param("page", "1")
				.with(Api.as(Api.LEADER)))
			.andExpect(jsonPath("$.total").value(22))
			.andExpect(jsonPath("$.items.length()").value(2));
	}

	@Test
	void badInputIsSaidBesideItsFieldAndKept() throws Exception {
		String html = html(page(Api.COUNTER, "ONE_STOP_OFFICER", "q", "nguyen", "from", "31/02/2026", "to", "hôm qua")
			.andExpect(status().isBadRequest()));
		assertThat(html).contains("Nhập ngày theo dạng ngày/tháng/năm, ví dụ 01/12/2026.", "value=\"31/02/2026\"",
				"value=\"hôm qua\"", "value=\"nguyen\"", "href=\"#from\"", "id=\"from-error\"");
		html = html(page(Api.COUNTER, "ONE_STOP_OFFICER", "from", "09/12/2026", "to", "08/12/2026")
			.andExpect(status().isBadRequest()));
		assertThat(html).contains("Ngày kết thúc phải cùng ngày hoặc sau ngày bắt đầu.");
		html = html(page(Api.COUNTER, "ONE_STOP_OFFICER", "q", "x".repeat(201)).andExpect(status().isBadRequest()));
		assertThat(html).contains("Nhập tối đa 200 ký tự.");

		this.mvc
			.perform(get("/api/v1/dossiers").param("unit", WARD).param("q", "x".repeat(201)).with(Api.as(Api.LEADER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"));
		this.mvc
			.perform(get("/api/v1/dossiers").param("unit", WARD)
				.param("q", "nguyen van an")
				.with(Api.as(Api.OTHER_WARD_COUNTER)))
			.andExpect(status().isForbidden());
		// U+0000 and LIKE's wildcards are no search text: they break nothing
		assertThat(api(Api.LEADER, "q", "\u0000")).hasSize(25);
		assertThat(api(Api.LEADER, "q", "%")).hasSize(25);
		assertThat(api(Api.LEADER, "q", "_bich%")).containsExactly(bich);
		this.mvc
			.perform(get("/api/v1/dossiers").param("unit", WARD)
				.param("procedure", "1.001193\u0000")
				.with(Api.as(Api.LEADER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("procedure"));
	}

	@Test
	void dossiersReceivedBeforeTheFoldedNameHaveItToo() {
		assertThat(this.jdbc
			.sql("select count(*) from dossier where applicant_name_folded is null or applicant_name_folded = ''")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select applicant_name_folded from dossier where code = ?")
			.param(trungSonAn)
			.query(String.class)
			.single()).isEqualTo("nguyen van an");
		assertThat(this.jdbc
			.sql("select count(*) from \"flyway_schema_history\" where \"version\" in ('2026.12.02.31',"
					+ " '2026.12.02.34') and \"success\" = true")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

}
