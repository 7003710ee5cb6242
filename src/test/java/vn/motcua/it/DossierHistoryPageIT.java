package vn.motcua.it;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierActions;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.ReturnChannel;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.org.Officers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A dossier's history and steps on its page, in words: officers by full name, times as
 * dd/MM/yyyy HH:mm, the facts of each event said in Vietnamese (English on ?lang=en), no
 * ISO timestamp, username or code word.
 */
@IntegrationTest
class DossierHistoryPageIT {

	private static final String DAY_AND_TIME = "\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}";

	@Autowired
	MockMvc mvc;

	@Autowired
	DossierIntake intake;

	@Autowired
	DossierActions actions;

	@Autowired
	DossierQueries queries;

	@Autowired
	Officers officers;

	private void act(String officer, String code, DossierAction action, DossierActions.ActionRequest request) {
		this.actions.act(new DossierMaker(this.intake, this.actions, this.officers).actor(officer), code, action,
				request);
	}

	/** A marriage registration through every kind of event to its return by post. */
	private String aWholeLife() {
		DossierMaker make = new DossierMaker(this.intake, this.actions, this.officers);
		String code = make.marriage(Api.COUNTER, Api.WARD,
				new Applicant("Hà Thị Thanh", "038195000777", "0915000777", null, null));
		act(Api.COUNTER, code, DossierAction.ASSIGN,
				new DossierActions.ActionRequest(Api.SPECIALIST, "Xử lý gấp", null, null, null, null, null));
		act(Api.SPECIALIST, code, DossierAction.REQUEST_SUPPLEMENT, new DossierActions.ActionRequest(null,
				"Bổ sung giấy xác nhận tình trạng hôn nhân", null, null, null, null, null));
		act(Api.COUNTER, code, DossierAction.SUPPLEMENT_RECEIVED,
				new DossierActions.ActionRequest(null, "  ", null, null, null, null, null));
		var due = this.queries.get(make.actor(Api.COUNTER), code).dueAt();
		act(Api.LEADER, code, DossierAction.APOLOGIZE, new DossierActions.ActionRequest(null, null, "Chờ xác minh",
				due.plus(Duration.ofDays(2)), null, null, null));
		act(Api.SPECIALIST, code, DossierAction.FORWARD,
				new DossierActions.ActionRequest(Api.LEADER, "Đủ điều kiện", null, null, null, null, null));
		act(Api.LEADER, code, DossierAction.APPROVE,
				new DossierActions.ActionRequest(null, null, null, null, null, null, null));
		act(Api.LEADER, code, DossierAction.RECORD_RESULT, new DossierActions.ActionRequest(null, null, null, null,
				"Giấy chứng nhận kết hôn số 12/2026", null, null));
		act(Api.COUNTER, code, DossierAction.RETURN_RESULT,
				new DossierActions.ActionRequest(null, null, null, null, null, ReturnChannel.POST, null));
		return code;
	}

	private String page(String code, String lang) throws Exception {
		var request = get("/can-bo/ho-so/{code}", code).with(user(Api.LEADER).roles("LEADER"));
		if (lang != null) {
			request.param("lang", lang);
		}
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void theHistoryAndTheStepsNameTheOfficersAndSayTheFactsInWords() throws Exception {
		String code = aWholeLife();
		String html = page(code, null);
		String history = DossierMaker.element(html, "ol", "history");
		String steps = DossierMaker.element(html, "table", "steps");
		assertThat(history).isNotEmpty();
		assertThat(steps).isNotEmpty();

		assertThat(history).contains("Nguyễn Thị Hoa", "Lê Văn Nam", "Trần Văn Minh", "Kênh: Tại Bộ phận một cửa",
				"Giao cho: Lê Văn Nam", "Ghi chú: Xử lý gấp", "Yêu cầu bổ sung lần 1",
				"Ghi chú: Bổ sung giấy xác nhận tình trạng hôn nhân", "Tạm dừng chờ bổ sung từ",
				"Thời gian tạm dừng được cộng vào hạn trả", "Lý do: Chờ xác minh", "Sang bước 3",
				"Giao cho: Trần Văn Minh", "Ghi chú: Đủ điều kiện", "Kết quả: Giấy chứng nhận kết hôn số 12/2026",
				"Hình thức trả: Qua bưu chính");
		assertThat(history).containsPattern("Hẹn trả: " + DAY_AND_TIME)
			.containsPattern("Hẹn trả cũ: " + DAY_AND_TIME)
			.containsPattern("Hẹn trả mới: " + DAY_AND_TIME)
			.containsPattern("<strong>" + DAY_AND_TIME + "</strong>");
		assertThat(steps).contains("Lê Văn Nam", "Trần Văn Minh", "Nguyễn Thị Hoa").containsPattern(DAY_AND_TIME);
		for (String part : List.of(history, steps)) {
			assertThat(part).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")
				.doesNotContain("quangcu.", "()", "assignee", "due ", "COUNTER", "POST", "PAUSE_ADDED", "request 1",
						"to step", "Ghi chú:  ");
		}
		// a blank note is no note
		assertThat(history.split("Ghi chú:", -1)).hasSize(4);

		String english = DossierMaker.element(page(code, "en"), "ol", "history");
		assertThat(english).contains("Assigned to: Lê Văn Nam", "Reason: Chờ xác minh", "Returned: By post")
			.containsPattern("New due time: " + DAY_AND_TIME);
	}

	@Test
	void theApiHistoryHasTheNamesAndTheFactsAsData() throws Exception {
		String code = aWholeLife();
		this.mvc.perform(get("/api/v1/dossiers/{code}/history", code).with(Api.as(Api.LEADER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].actorName").value("Nguyễn Thị Hoa"))
			.andExpect(jsonPath("$[0].facts.channel").value("COUNTER"))
			.andExpect(jsonPath("$[1].facts.assigneeName").value("Lê Văn Nam"))
			.andExpect(jsonPath("$[1].note").value("Xử lý gấp"))
			.andExpect(jsonPath("$[2].facts.supplementRequest").value(1))
			.andExpect(jsonPath("$[3].facts.supplementMode").value("PAUSE_ADDED"))
			.andExpect(jsonPath("$[3].facts.pausedMinutes").isNumber())
			.andExpect(jsonPath("$[3].note").doesNotExist())
			.andExpect(jsonPath("$[4].facts.previousDueAt").exists())
			.andExpect(jsonPath("$[4].note").value("Chờ xác minh"))
			.andExpect(jsonPath("$[5].facts.step").value(3))
			.andExpect(jsonPath("$[5].facts.assigneeName").value("Trần Văn Minh"))
			.andExpect(jsonPath("$[8].facts.returnChannel").value("POST"))
			.andExpect(jsonPath("$[8].facts.assignee").doesNotExist());
		this.mvc.perform(get("/api/v1/dossiers/{code}", code).with(Api.as(Api.LEADER)))
			.andExpect(jsonPath("$.steps[1].assigneeName").value("Lê Văn Nam"))
			.andExpect(jsonPath("$.steps[0].completedByName").value("Nguyễn Thị Hoa"));
	}

}
