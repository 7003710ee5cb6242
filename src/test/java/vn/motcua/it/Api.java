package vn.motcua.it;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.core.SubmittedComponent;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Calls of the dossier API as the demo ward's officers (password {@code motcua-demo}).
 */
public final class Api {

	public static final String WARD = "H56.15.40";

	static final String COUNTER = "quangcu.motcua";

	static final String SPECIALIST = "quangcu.chuyenvien";

	static final String SPECIALIST_2 = "quangcu.chuyenvien2";

	static final String LEADER = "quangcu.lanhdao";

	static final String OTHER_WARD_COUNTER = "trungson.motcua";

	/** The birth registration's mandatory components, all handed in. */
	static final String BIRTH = """
			{"unit": "H56.15.40", "procedureCode": "1.001193", "channel": "COUNTER",
			 "applicant": {"name": "Nguyễn Văn An", "idNumber": "038090001234", "phone": "0912345678"},
			 "components": [
			   {"name": "Tờ khai đăng ký khai sinh", "originals": 1},
			   {"name": "Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh", "originals": 1},
			   {"name": "Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)", "originals": 1}]}""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A complete birth registration at the demo ward, for the facade. */
	public static DossierIntake.IntakeRequest birth() {
		return new DossierIntake.IntakeRequest(WARD, "1.001193", Channel.ONLINE,
				new Applicant("Công dân thử", null, null, null, null),
				List.of(new SubmittedComponent("Tờ khai đăng ký khai sinh", 1, 0),
						new SubmittedComponent("Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh", 1,
								0),
						new SubmittedComponent("Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)", 1, 0)),
				false, null);
	}

	private final MockMvc mvc;

	Api(MockMvc mvc) {
		this.mvc = mvc;
	}

	static RequestPostProcessor as(String username) {
		return httpBasic(username, "motcua-demo");
	}

	ResultActions intake(String user, String body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/dossiers").with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	/** Takes in a complete birth registration and returns its code. */
	String receiveBirth() throws Exception {
		String body = intake(COUNTER, BIRTH).andReturn().getResponse().getContentAsString();
		return JSON.readTree(body).get("dossier").get("code").asString();
	}

	/**
	 * The counter officer assigns the dossier to the specialist; returns the version the
	 * assignment wrote.
	 */
	int assignToSpecialist(String code) throws Exception {
		String body = act(COUNTER, code, "assign", "{\"assignee\": \"" + SPECIALIST + "\"}").andReturn()
			.getResponse()
			.getContentAsString();
		return JSON.readTree(body).get("version").asInt();
	}

	ResultActions act(String user, String code, String action, String body) throws Exception {
		return this.mvc.perform(post("/api/v1/dossiers/{code}/actions/{action}", code, action).with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body == null ? "{}" : body));
	}

	static JsonNode json(ResultActions result) throws Exception {
		return JSON.readTree(result.andReturn().getResponse().getContentAsString());
	}

}
