package vn.motcua.forms;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import vn.motcua.calendar.core.ProcessingTime;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.SubmittedComponent;
import vn.motcua.dossier.core.Timeliness;

/** Dossiers as the forms print them, for tests and benchmarks without a database. */
public final class FormFixture {

	public static final FormPdfs.Issuer QUANG_CU = new FormPdfs.Issuer("Phường Quảng Cư",
			"Bộ phận một cửa, UBND phường Quảng Cư, thành phố Sầm Sơn, tỉnh Thanh Hóa");

	public static Instant vn(String local) {
		return LocalDateTime.parse(local).atZone(FormSets.VIETNAM).toInstant();
	}

	/** A birth registration received at that time, with {@code steps} hand-overs done. */
	public static DossierView aDossier(String code, Instant receivedAt, int components, int steps) {
		return aDossier(code, receivedAt, components, steps, null);
	}

	/** The same dossier, with its fee computed at intake. */
	public static DossierView aDossier(String code, Instant receivedAt, int components, int steps,
			vn.motcua.dossier.DossierFee fee) {
		List<SubmittedComponent> parts = new ArrayList<>();
		for (int i = 1; i <= components; i++) {
			parts.add(new SubmittedComponent(
					i == 1 ? "Tờ khai đăng ký khai sinh"
							: "Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh, bản số " + i,
					1, i % 2));
		}
		List<DossierView.Step> done = new ArrayList<>();
		Instant at = receivedAt;
		for (int i = 1; i <= Math.max(1, steps); i++) {
			Instant due = at.plusSeconds(4 * 3600);
			Instant completed = i < steps ? at.plusSeconds(i % 3 == 0 ? 5 * 3600 : 3600) : null;
			done.add(new DossierView.Step(i, i == 1 ? "Tiếp nhận hồ sơ" : "Thẩm định hồ sơ bước " + i, "SPECIALIST", 4,
					"canbo" + i, "Nguyễn Thị Hồng Nhung " + i, at, due, completed,
					completed == null ? null : "canbo" + i, completed == null ? null : "Nguyễn Thị Hồng Nhung " + i,
					completed == null ? null : (i % 3 == 0 ? Timeliness.LATE : Timeliness.EARLY)));
			if (completed != null) {
				at = completed;
			}
		}
		return new DossierView(code, "H56.15.40", "1.001193", "Đăng ký khai sinh", 1L, ProcessingTime.workingDays(1),
				Channel.COUNTER,
				new Applicant("Lê Thị Ánh Tuyết", "038190000123", "0912345678", "tuyet@example.vn",
						"Số 12, đường Hồ Xuân Hương, phường Quảng Cư"),
				DossierStatus.IN_PROCESSING, receivedAt, receivedAt.plusSeconds(8 * 3600),
				receivedAt.plusSeconds(8 * 3600), false, null, null, 0, 0, false, steps - 1, "canbo" + steps, null,
				null, null, parts, done, null, null, null, null, 1, fee);
	}

	private FormFixture() {
	}

}
