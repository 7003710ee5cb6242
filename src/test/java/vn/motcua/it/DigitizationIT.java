package vn.motcua.it;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.motcua.document.CitizenStore;
import vn.motcua.document.Digitization;
import vn.motcua.document.DigitizationRates;
import vn.motcua.dossier.DossierActions;
import vn.motcua.dossier.ReturnChannel;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.forms.FormKind;
import vn.motcua.forms.IssuedDocument;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Digitization and reuse (issue 12, item 5 and 6): one citizen hands in a dossier at the
 * counter with a scan, then again (at the counter, and online signed in) picking the scan
 * from their data store instead of scanning it again; the reuse is recorded with the same
 * SHA-256 and no new copy; the electronic result goes to their store and to their
 * dossiers; the rates count it all exactly.
 */
@IntegrationTest
@TestPropertySource(properties = "motcua.test.database=digitization")
class DigitizationIT {

	private static final String CITIZEN = "038190004321";

	private static final String OTHER = "038190009999";

	private static final String FORM = "Tờ khai đăng ký khai sinh";

	private static final List<String> OTHERS = List.of(
			"Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh",
			"Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Digitization digitization;

	@Autowired
	CitizenStore stores;

	@Autowired
	DossierActions actions;

	@Autowired
	Officers officers;

	@Autowired
	vn.motcua.forms.IssuedDocuments issued;

	@Autowired
	vn.motcua.forms.ResultApproval approval;

	private static RequestPostProcessor citizen(String idNumber) {
		return oidcLogin().idToken(t -> t.claim("personal_id", idNumber).claim("name", "Trần Thị Kho"))
			.authorities(new SimpleGrantedAuthority("ROLE_CITIZEN"));
	}

	private MockMultipartHttpServletRequestBuilder counterIntake(String idNumber) {
		return (MockMultipartHttpServletRequestBuilder) multipart("/can-bo/tiep-nhan").param("procedure", "1.001193")
			.param("channel", "COUNTER")
			.param("applicantName", "Trần Thị Kho")
			.param("idNumber", idNumber)
			.param("component", OTHERS.toArray(String[]::new))
			.with(user(Api.COUNTER).roles("ONE_STOP_OFFICER"))
			.with(csrf());
	}

	private static String code(String redirect) {
		return redirect.replaceAll(".*/ho-so/([^/]+)/bien-nhan", "$1");
	}

	/**
	 * The contents in the file store other than the papers the forms module issues (a
	 * receipt is made, signed and stored for each dossier just after its intake).
	 */
	private long contents() throws Exception {
		awaitEvents();
		return Files.uploadedContents(this.jdbc, Path.of("target/test-files"));
	}

	private DigitizationRates rates() throws InterruptedException {
		awaitEvents();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		return this.digitization.rates(List.of(Api.WARD), today.minusDays(1), today.plusDays(1));
	}

	private void awaitEvents() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline
				&& this.jdbc.sql("select count(*) from event_publication").query(Long.class).single() > 0) {
			Thread.sleep(100);
		}
		assertThat(this.jdbc.sql("select count(*) from event_publication").query(Long.class).single()).isZero();
	}

	private void returnElectronically(String code) throws Exception {
		Actor counter = Actor.of(this.officers.find(Api.COUNTER).orElseThrow());
		Actor specialist = Actor.of(this.officers.find(Api.SPECIALIST).orElseThrow());
		Actor leader = Actor.of(this.officers.find(Api.LEADER).orElseThrow());
		this.actions.act(counter, code, DossierAction.ASSIGN, request(Api.SPECIALIST, null, null));
		// the specialist uploads the result's draft; the leader approves and signs it
		this.mvc
			.perform(multipart("/can-bo/ho-so/{code}/du-thao-ket-qua", code)
				.file(new MockMultipartFile("file", "ket-qua.pdf", "application/pdf", UploadRefusalIT.pdf()))
				.with(user(Api.SPECIALIST).roles("SPECIALIST"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.actions.act(specialist, code, DossierAction.FORWARD, request(Api.LEADER, null, null));
		this.approval.approveAndSign(leader, code, request(null, null, null));
		this.actions.act(leader, code, DossierAction.RECORD_RESULT, request(null, "KQ-" + code, null));
		this.actions.act(counter, code, DossierAction.RETURN_RESULT, request(null, null, ReturnChannel.ELECTRONIC));
	}

	private static DossierActions.ActionRequest request(String assignee, String result, ReturnChannel channel) {
		return new DossierActions.ActionRequest(assignee, null, null, null, result, channel, null);
	}

	@Test
	void theSecondDossierReusesTheFirstOnesScanAndTheRatesCountIt() throws Exception {
		DigitizationRates before = rates();
		byte[] scan = UploadRefusalIT.pdf();
		// the first dossier: the form scanned at the counter
		String first = code(this.mvc
			.perform(counterIntake(CITIZEN)
				.file(new MockMultipartFile("file-0", "to-khai.pdf", "application/pdf", scan)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl());
		long fileId = this.jdbc.sql("select id from document_file where dossier_code = ?")
			.param(first)
			.query(Long.class)
			.single();
		long contents = contents();
		// the counter finds it in the applicant's store, by the ID number on their card
		this.mvc
			.perform(get("/can-bo/tiep-nhan/nguoi-nop").param("idNumber", CITIZEN)
				.param("procedure", "1.001193")
				.header("HX-Request", "true")
				.with(user(Api.COUNTER).roles("ONE_STOP_OFFICER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Giấy tờ đã có trong kho")))
			.andExpect(content().string(containsString("value=\"" + fileId + "\"")));
		this.mvc.perform(get("/api/v1/citizens/{id}/store", CITIZEN).with(Api.as(Api.COUNTER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(fileId))
			.andExpect(jsonPath("$[0].origin").value("DIGITIZED"));
		this.mvc.perform(get("/api/v1/citizens/{id}/store", CITIZEN)).andExpect(status().isUnauthorized());
		// the second dossier at the counter: the form picked from the store, not scanned
		String second = code(this.mvc.perform(counterIntake(CITIZEN).param("reuse-0", Long.toString(fileId)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl());
		this.mvc.perform(get("/api/v1/dossiers/{code}/files", second).with(Api.as(Api.COUNTER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].component").value(FORM))
			.andExpect(jsonPath("$[0].origin").value("REUSED"))
			.andExpect(jsonPath("$[0].reusedFrom").value(fileId))
			.andExpect(jsonPath("$[0].sha256").value(java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(scan))));
		assertThat(contents()).as("no new copy of the content").isEqualTo(contents);
		// another applicant may not pick it: refused beside its field, nothing kept
		long dossiers = this.jdbc.sql("select count(*) from dossier").query(Long.class).single();
		this.mvc.perform(counterIntake(OTHER).param("reuse-0", Long.toString(fileId)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("không có trong kho dữ liệu")));
		assertThat(this.jdbc.sql("select count(*) from dossier").query(Long.class).single()).isEqualTo(dossiers);
		// online, signed in: the citizen picks it on their own form
		this.mvc
			.perform(get("/cong-dan/nop-ho-so").param("unit", Api.WARD)
				.param("procedure", "1.001193")
				.with(citizen(CITIZEN)))
			.andExpect(content().string(containsString("value=\"" + fileId + "\"")));
		this.mvc
			.perform(multipart("/cong-dan/nop-ho-so").param("unit", Api.WARD)
				.param("procedure", "1.001193")
				.param("component", OTHERS.toArray(String[]::new))
				.param("reuse-0", Long.toString(fileId))
				.with(citizen(CITIZEN))
				.with(csrf()))
			.andExpect(status().isOk());
		assertThat(this.jdbc
			.sql("select count(*) from document_file where owner_id = ? and origin = 'REUSED' and reused_from = ?")
			.params(CITIZEN, fileId)
			.query(Long.class)
			.single()).isEqualTo(2);
		// the first dossier: its other components digitized after intake, its result
		// returned electronically into the applicant's store
		// one on the dossier's page (a program first: refused beside its field)
		this.mvc
			.perform(multipart("/can-bo/ho-so/{code}/so-hoa", first)
				.file(new MockMultipartFile("file", "giay-chung-sinh.pdf", "application/pdf",
						"MZ\u0090\u0000 not a scan".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
				.param("component", OTHERS.get(0))
				.with(user(Api.COUNTER).roles("ONE_STOP_OFFICER"))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("không nhận tệp chương trình")))
			.andExpect(content().string(containsString("id=\"digitize-file-error\"")));
		this.mvc
			.perform(multipart("/can-bo/ho-so/{code}/so-hoa", first)
				.file(new MockMultipartFile("file", "giay-chung-sinh.png", "image/png", Files.png()))
				.param("component", OTHERS.get(0))
				.with(user(Api.COUNTER).roles("ONE_STOP_OFFICER"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		// the other over the API
		this.mvc
			.perform(multipart("/api/v1/dossiers/{code}/files", first)
				.file(new MockMultipartFile("file", "giay-to.png", "image/png", Files.png()))
				.param("component", OTHERS.get(1))
				.with(Api.as(Api.COUNTER)))
			.andExpect(status().isCreated());
		returnElectronically(first);
		// the signed result went to the applicant's store as it was returned
		awaitEvents();
		IssuedDocument signed = this.issued.ofDossier(Actor.of(this.officers.find(Api.COUNTER).orElseThrow()), first)
			.stream()
			.filter(d -> d.kind() == FormKind.RESULT && d.signed())
			.findFirst()
			.orElseThrow();
		long resultId = this.stores.of(CITIZEN)
			.stream()
			.filter(f -> f.dossierCode().equals(first) && "RESULT".equals(f.kind()))
			.findFirst()
			.orElseThrow()
			.id();
		assertThat(this.jdbc.sql("select sha256 from document_file where id = ?")
			.param(resultId)
			.query(String.class)
			.single()).isEqualTo(signed.sha256());
		// the citizen finds it in their store and their dossiers, and downloads it
		this.mvc.perform(get("/cong-dan/kho").with(citizen(CITIZEN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Kết quả điện tử")))
			.andExpect(content().string(containsString("to-khai.pdf")));
		this.mvc.perform(get("/cong-dan").with(citizen(CITIZEN)))
			.andExpect(content().string(containsString("/cong-dan/ho-so/" + first + "/giay-to/" + signed.id())));
		this.mvc.perform(get("/cong-dan/kho/{id}", resultId).with(citizen(CITIZEN)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"));
		this.mvc.perform(get("/cong-dan/kho/{id}", fileId).with(citizen(CITIZEN)))
			.andExpect(status().isOk())
			.andExpect(content().bytes(scan));
		this.mvc.perform(get("/cong-dan/kho/{id}", fileId).with(citizen(OTHER))).andExpect(status().isNotFound());
		this.mvc.perform(get("/cong-dan/kho").with(citizen(OTHER)))
			.andExpect(content().string(not(containsString("to-khai.pdf"))));
		// the rates: two dossiers received (the online one waits for its check), six
		// components, one reused; one returned, digitized whole, electronically
		DigitizationRates after = rates();
		assertThat(after.receivedDossiers() - before.receivedDossiers()).isEqualTo(2);
		assertThat(after.components() - before.components()).isEqualTo(6);
		assertThat(after.componentsReused() - before.componentsReused()).isEqualTo(1);
		assertThat(after.returnedDossiers() - before.returnedDossiers()).isEqualTo(1);
		assertThat(after.digitizedDossiers() - before.digitizedDossiers()).isEqualTo(1);
		assertThat(after.electronicResults() - before.electronicResults()).isEqualTo(1);
		assertThat(after.documentsIssued()).as("the forms module counts the documents issued").isNotNull();
		assertThat(after.documentsSigned()).isEqualTo(after.documentsIssued());
		if (before.receivedDossiers() == 0) {
			assertThat(after.reuseRate()).isEqualTo(1.0 / 6);
			assertThat(after.digitizedRate()).isEqualTo(1.0);
		}
		// and the KPI report carries them
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		this.mvc
			.perform(get("/api/v1/reports/{unit}/kpis", Api.WARD).param("from", today.minusDays(1).toString())
				.param("to", today.plusDays(1).toString())
				.with(Api.as(Api.COUNTER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.digitization.componentsReused").value(after.componentsReused()))
			.andExpect(jsonPath("$.digitization.components").value(after.components()))
			.andExpect(jsonPath("$.digitization.electronicResults").value(after.electronicResults()));
	}

}
