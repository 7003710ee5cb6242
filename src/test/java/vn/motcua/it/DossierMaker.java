package vn.motcua.it;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierActions;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.dossier.core.SubmittedComponent;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;

/**
 * Dossiers made through the facade for list tests: a birth or a marriage registration
 * with every mandatory component, received by a unit's counter, and actions on them.
 */
final class DossierMaker {

	static final List<SubmittedComponent> BIRTH = List.of(new SubmittedComponent("Tờ khai đăng ký khai sinh", 1, 0),
			new SubmittedComponent("Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh", 1, 0),
			new SubmittedComponent("Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)", 1, 0));

	static final List<SubmittedComponent> MARRIAGE = List.of(new SubmittedComponent("Tờ khai đăng ký kết hôn", 1, 0),
			new SubmittedComponent("Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)", 1, 0));

	private static final Pattern ROW_CODE = Pattern.compile("<tr[^>]*data-code=\"([^\"]+)\"");

	private final DossierIntake intake;

	private final DossierActions actions;

	private final Officers officers;

	DossierMaker(DossierIntake intake, DossierActions actions, Officers officers) {
		this.intake = intake;
		this.actions = actions;
		this.officers = officers;
	}

	Actor actor(String username) {
		return Actor.of(this.officers.find(username).orElseThrow());
	}

	/** A birth registration received now by the counter officer, with this applicant. */
	String birth(String counter, String unit, Applicant applicant) {
		return receive(counter, unit, "1.001193", BIRTH, applicant);
	}

	/** A marriage registration (3 working days) received now. */
	String marriage(String counter, String unit, Applicant applicant) {
		return receive(counter, unit, "1.000894", MARRIAGE, applicant);
	}

	private String receive(String counter, String unit, String procedure, List<SubmittedComponent> components,
			Applicant applicant) {
		return this.intake
			.intake(actor(counter),
					new DossierIntake.IntakeRequest(unit, procedure, Channel.COUNTER, applicant, components, false,
							null),
					List.of())
			.dossier()
			.code();
	}

	void act(String officer, String code, DossierAction action, String assignee) {
		this.actions.act(actor(officer), code, action,
				new DossierActions.ActionRequest(assignee, null, null, null, null, null, null));
	}

	/**
	 * The codes of the dossier rows in a page's section (or the whole page), in order.
	 */
	static List<String> rowCodes(String html) {
		Matcher m = ROW_CODE.matcher(html);
		List<String> codes = new java.util.ArrayList<>();
		while (m.find()) {
			codes.add(m.group(1));
		}
		return codes;
	}

	/** The HTML of the element that has this id, up to its closing tag of that name. */
	static String element(String html, String tag, String id) {
		int start = html.indexOf("id=\"" + id + "\"");
		if (start < 0) {
			return "";
		}
		start = html.lastIndexOf("<" + tag, start);
		int end = html.indexOf("</" + tag + ">", start);
		return html.substring(start, end + tag.length() + 3);
	}

}
