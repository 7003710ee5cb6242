package vn.motcua.it;

import java.io.InputStream;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The history import page: the sample files it offers come in, the job's page shows its
 * progress and then its report; a missing source or file, or a file of another kind, is
 * said beside its field with the source kept.
 */
@IntegrationTest
@TestPropertySource(properties = { "motcua.test.database=history-page", "motcua.history.poll=PT0.2S" })
class HistoryAdminPageIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSampleFilesComeInAndTheReportSaysWhatIsWrong() throws Exception {
		String location = this.mvc
			.perform(multipart("/quan-tri/don-vi/{code}/lich-su", Api.WARD).file(sample("lich-su-mau.jsonl"))
				.param("source", "igate-mau")
				.with(AdminPages.ADMIN)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/quan-tri/don-vi/H56.15.40/lich-su/");
		this.mvc.perform(get(location).with(AdminPages.ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"job-progress\"")));
		awaitDone();
		this.mvc.perform(get(location).with(AdminPages.ADMIN))
			.andExpect(content().string(containsString("Đã xong")))
			.andExpect(content().string(containsString("id=\"report-empty\"")))
			// done: the page no longer asks for its progress
			.andExpect(content().string(not(containsString("every 1s"))));
		this.mvc.perform(get(location + "/tien-do").with(AdminPages.ADMIN))
			.andExpect(header().string("HX-Refresh", "true"));
		assertThat(this.jdbc.sql("select source from dossier where code = 'H56.15.40-230302-0904'")
			.query(String.class)
			.single()).isEqualTo("igate-mau");

		// the CSV sample holds the same dossier under another source ID: imported too
		this.mvc.perform(multipart("/quan-tri/don-vi/{code}/lich-su", Api.WARD)
			.file(new MockMultipartFile("file", "sai.jsonl", "application/x-ndjson",
					"{\"sourceId\":\"X1\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.param("source", "igate-sai")
			.with(AdminPages.ADMIN)
			.with(csrf())).andExpect(status().is3xxRedirection());
		awaitDone();
		Long id = this.jdbc.sql("select max(id) from history_import_job").query(Long.class).single();
		this.mvc.perform(get("/quan-tri/don-vi/{code}/lich-su/{id}", Api.WARD, id).with(AdminPages.ADMIN))
			.andExpect(content().string(containsString("id=\"report-rows\"")))
			.andExpect(content().string(containsString("<code>receivedAt</code>")))
			.andExpect(content().string(containsString("Lỗi, không nhập")));
		this.mvc.perform(get("/quan-tri/don-vi/{code}/lich-su", Api.WARD).with(AdminPages.ADMIN))
			.andExpect(content().string(containsString("lich-su-mau.jsonl")))
			.andExpect(content().string(containsString("Đã nhập 1 hồ sơ lịch sử")));
	}

	@Test
	void aMissingSourceOrFileIsSaidBesideItsField() throws Exception {
		this.mvc
			.perform(multipart("/quan-tri/don-vi/{code}/lich-su", Api.WARD).file(sample("lich-su-mau.csv"))
				.param("source", " ")
				.with(AdminPages.ADMIN)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"source-error\"")));
		this.mvc
			.perform(multipart("/quan-tri/don-vi/{code}/lich-su", Api.WARD)
				.file(new MockMultipartFile("file", "lich-su.xlsx", "application/octet-stream", new byte[] { 1, 2 }))
				.param("source", "vnpt-cu")
				.with(AdminPages.ADMIN)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"file-error\"")))
			.andExpect(content().string(containsString("value=\"vnpt-cu\"")));
		this.mvc
			.perform(multipart("/quan-tri/don-vi/{code}/lich-su", Api.WARD).param("source", "có dấu cách")
				.file(sample("lich-su-mau.csv"))
				.with(AdminPages.ADMIN)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"source-error\"")))
			.andExpect(content().string(containsString("value=\"có dấu cách\"")));
	}

	@Test
	void aCounterOfficerMayNotImport() throws Exception {
		this.mvc
			.perform(get("/quan-tri/don-vi/{code}/lich-su", Api.WARD)
				.with(user("quangcu.motcua").roles("ONE_STOP_OFFICER")))
			.andExpect(status().isForbidden());
	}

	private static MockMultipartFile sample(String name) throws Exception {
		try (InputStream in = HistoryAdminPageIT.class.getResourceAsStream("/static/mau/" + name)) {
			return new MockMultipartFile("file", name, "application/octet-stream", in.readAllBytes());
		}
	}

	private void awaitDone() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline
				&& this.jdbc.sql("select count(*) from history_import_job where status <> 'DONE'")
					.query(Long.class)
					.single() > 0) {
			Thread.sleep(100);
		}
	}

}
