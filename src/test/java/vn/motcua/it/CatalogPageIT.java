package vn.motcua.it;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@IntegrationTest
class CatalogPageIT {

	@Autowired
	MockMvc mvc;

	@Test
	void homeGoesToTheCatalog() throws Exception {
		this.mvc.perform(get("/")).andExpect(redirectedUrl("/thu-tuc"));
	}

	@Test
	void theCatalogPageListsTheDemoWardInVietnamese() throws Exception {
		this.mvc.perform(get("/thu-tuc"))
			.andExpect(status().isOk())
			.andExpect(view().name("catalog/list"))
			.andExpect(content().string(containsString("lang=\"vi\"")))
			.andExpect(content().string(containsString("Phường Quảng Cư")))
			.andExpect(content().string(containsString("184 thủ tục phù hợp")))
			.andExpect(content().string(containsString("125 thủ tục đã niêm yết công khai")))
			.andExpect(content().string(containsString("<label for=\"q\"")))
			.andExpect(header().exists("Content-Security-Policy"));
	}

	@Test
	void searchWithoutAccentsAndFilterByField() throws Exception {
		this.mvc.perform(get("/thu-tuc").param("q", "chung thuc chu ky"))
			.andExpect(content().string(containsString("Chứng thực chữ ký trong các giấy tờ")))
			.andExpect(content().string(not(containsString("Đăng ký kết hôn</span>"))));
		this.mvc.perform(get("/thu-tuc").param("field", "Quốc phòng"))
			.andExpect(content().string(containsString("8 thủ tục phù hợp")));
	}

	@Test
	void htmxGetsOnlyTheResults() throws Exception {
		this.mvc.perform(get("/thu-tuc").param("q", "ket hon").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"results\"")))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void aProcedurePageTellsWhatToBringHowLongFeesAndWhere() throws Exception {
		this.mvc.perform(get("/thu-tuc/{code}", "2.000908").param("unit", "H56.15.40"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Cần mang theo những gì?")))
			.andExpect(
					content().string(containsString("Bản chính giấy tờ, văn bản hoặc dự thảo hợp đồng cần chứng thực")))
			.andExpect(content().string(containsString("Nếu nộp hồ sơ đầy đủ ngay bây giờ, ngày hẹn trả kết quả là")))
			.andExpect(content().string(containsString("5 giờ làm việc")))
			.andExpect(content().string(containsString("rút ngắn 37,5%")))
			.andExpect(content().string(containsString("2.000 đ")))
			.andExpect(content().string(containsString("Bộ phận một cửa UBND phường Quảng Cư")));
	}

	@Test
	void englishOnRequest() throws Exception {
		this.mvc.perform(get("/thu-tuc/{code}", "1.001193").param("lang", "en"))
			.andExpect(content().string(containsString("lang=\"en\"")))
			.andExpect(content().string(containsString("What to bring")));
	}

	@Test
	void unknownProcedureOrUnitIsANotFoundPage() throws Exception {
		this.mvc.perform(get("/thu-tuc/{code}", "9.999999"))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error"))
			.andExpect(content().string(containsString("Không tìm thấy")));
		this.mvc.perform(get("/thu-tuc").param("unit", "H00")).andExpect(status().isNotFound());
		this.mvc.perform(get("/thu-tuc").param("page", "x"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Yêu cầu không hợp lệ")));
		this.mvc.perform(get("/khong-co-trang-nay")).andExpect(status().isNotFound());
	}

}
