package vn.motcua.it;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class UploadIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/**
	 * The counter's intake of a birth registration, its mandatory form missing from the
	 * ticked components and handed in as this scan instead.
	 */
	private ResultActions intakeWithScan(MockMultipartFile scan) throws Exception {
		return this.mvc.perform(multipart("/can-bo/tiep-nhan").file(scan)
			.param("procedure", "1.001193")
			.param("channel", "COUNTER")
			.param("applicantName", "Lý Văn Sơn")
			.param("component", "Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh",
					"Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)")
			.with(user(Api.COUNTER).roles("ONE_STOP_OFFICER"))
			.with(csrf()));
	}

	private long dossiers() {
		return this.jdbc.sql("select count(*) from dossier").query(Long.class).single();
	}

	@Test
	void aScanIsKeptWithTheDossierAndServedToItsOfficers() throws Exception {
		var result = intakeWithScan(new MockMultipartFile("file-0", "to-khai.png", "image/png", Files.png()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String code = result.getResponse().getRedirectedUrl().replaceAll(".*/ho-so/([^/]+)/bien-nhan", "$1");
		long id = this.jdbc.sql("select id from document_file where dossier_code = ?")
			.param(code)
			.query(Long.class)
			.single();
		this.mvc.perform(get("/can-bo/ho-so/{code}/tep/{id}", code, id).with(user(Api.LEADER).roles("LEADER")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(content().bytes(Files.png()));
		this.mvc
			.perform(get("/can-bo/ho-so/{code}/tep/{id}", code, id)
				.with(user(Api.OTHER_WARD_COUNTER).roles("ONE_STOP_OFFICER")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theCounterFindsAKnownApplicantByIdNumber() throws Exception {
		this.mvc
			.perform(multipart("/can-bo/tiep-nhan").param("procedure", "1.001193")
				.param("channel", "COUNTER")
				.param("applicantName", "Đinh Thị Mai")
				.param("idNumber", "038188007777")
				.param("phone", "0911222333")
				.param("address", "Tổ dân phố 5, phường Quảng Cư")
				.param("component", "Tờ khai đăng ký khai sinh",
						"Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh",
						"Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)")
				.with(user(Api.COUNTER).roles("ONE_STOP_OFFICER"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(get("/can-bo/tiep-nhan/nguoi-nop").param("idNumber", "038188007777")
				.header("HX-Request", "true")
				.with(user(Api.COUNTER).roles("ONE_STOP_OFFICER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"Đinh Thị Mai\"")))
			.andExpect(content().string(containsString("value=\"0911222333\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("<html"))));
		this.mvc
			.perform(get("/can-bo/tiep-nhan/nguoi-nop").param("idNumber", "038188007777")
				.with(user(Api.OTHER_WARD_COUNTER).roles("ONE_STOP_OFFICER")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Đinh Thị Mai"))));
	}

	@Test
	void aFileThatIsNotAScanBringsTheFormBackAndSavesNothing() throws Exception {
		long before = dossiers();
		intakeWithScan(new MockMultipartFile("file-0", "virus.png", "image/png", "MZ not a picture".getBytes()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Tệp không hợp lệ")))
			.andExpect(content().string(containsString("file-0")));
		assertThat(dossiers()).isEqualTo(before);
	}

}
