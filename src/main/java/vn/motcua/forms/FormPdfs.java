package vn.motcua.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import vn.motcua.calendar.core.ProcessingTime;
import vn.motcua.catalog.core.FeeKind;
import vn.motcua.catalog.core.FeeStage;
import vn.motcua.catalog.core.Fees;
import vn.motcua.dossier.DossierFee;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.SubmittedComponent;
import vn.motcua.dossier.core.Timeliness;
import vn.motcua.forms.FormSets.Form;
import vn.motcua.forms.internal.PdfLayout;
import vn.motcua.forms.internal.PdfLayout.Line;

/**
 * Lays out each standard form from the dossier's data, as an administrative document
 * (DOMAIN §6): the issuing body over the one-stop office at the left, the national motto
 * at the right, the form's number, the document's number, the place and day, the body,
 * the signatures. Pure: no Spring, no clock (every instant is an argument), so the same
 * data makes the same text. The printed forms are in Vietnamese only, as the law writes
 * them; their words live here, beside their layout.
 */
public final class FormPdfs {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy");

	static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

	/** The words that open a unit's name ("Phường Quảng Cư" is at "Quảng Cư"). */
	private static final Pattern LEVEL = Pattern
		.compile("^(Phường|Xã|Thị trấn|Đặc khu|Quận|Huyện|Thị xã|Thành phố|Tỉnh)\\s+");

	/** The unit that issues the form: its name ("Phường Quảng Cư") and address. */
	public record Issuer(String unitName, String address) {

		String upper() {
			return "UBND " + this.unitName.toUpperCase(new Locale("vi"));
		}

		String place() {
			return LEVEL.matcher(this.unitName).replaceFirst("");
		}

		String inText() {
			return "UBND " + Character.toLowerCase(this.unitName.charAt(0)) + this.unitName.substring(1);
		}

	}

	/**
	 * Whom and what a slip is about when there may be no dossier yet (the intake's
	 * guidance and refusal slips): the applicant, the procedure, the dossier's code if
	 * any.
	 */
	public record Subject(String applicantName, String idNumber, String address, String phone, String procedureName,
			String dossierCode) {

		static Subject of(DossierView d) {
			return new Subject(d.applicant().name(), d.applicant().idNumber(), d.applicant().address(),
					d.applicant().phone(), d.procedureName(), d.code());
		}

	}

	/** What every form starts with. */
	private static PdfLayout open(Form form, Issuer issuer, String number, Instant at) {
		return open(form, issuer, number, at, false);
	}

	private static PdfLayout open(Form form, Issuer issuer, String number, Instant at, boolean landscape) {
		PdfLayout pdf = new PdfLayout(form.title(), at, landscape);
		pdf.right("Mẫu số " + form.number(), true, 10);
		pdf.space(4);
		LocalDate day = LocalDate.ofInstant(at, FormSets.VIETNAM);
		pdf.columns(0.42f,
				List.of(new Line(issuer.upper(), false, false), new Line("BỘ PHẬN MỘT CỬA", true,
						true), new Line("Số: " + number, false, false)),
				List.of(new Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, false),
						new Line("Độc lập - Tự do - Hạnh phúc", true, true),
						new Line(issuer.place() + ", ngày " + two(day.getDayOfMonth()) + " tháng "
								+ two(day.getMonthValue()) + " năm " + day.getYear(), false, false)),
				11);
		pdf.space(14);
		pdf.centered(form.title().toUpperCase(new Locale("vi")), true, 13);
		pdf.space(8);
		return pdf;
	}

	private static String two(int n) {
		return n < 10 ? "0" + n : String.valueOf(n);
	}

	/**
	 * The signatures at the foot: each a role, "(Ký và ghi rõ họ tên)", room, the name.
	 */
	private static void sign(PdfLayout pdf, String leftRole, String leftName, String rightRole, String rightName) {
		pdf.space(10);
		List<Line> left = leftRole == null ? List.of()
				: List.of(new Line(leftRole, true, false), new Line("(Ký và ghi rõ họ tên)", false, false),
						new Line(null, false, false), new Line(null, false, false), new Line(null, false, false),
						new Line(blank(leftName), true, false));
		List<Line> right = List.of(new Line(rightRole, true, false), new Line("(Ký và ghi rõ họ tên)", false, false),
				new Line(null, false, false), new Line(null, false, false), new Line(null, false, false),
				new Line(blank(rightName), true, false));
		pdf.columns(0.5f, left, right, 11);
	}

	private static String blank(String name) {
		return name == null || name.isBlank() ? " " : name;
	}

	static String when(Instant at) {
		return at == null ? "…" : ZonedDateTime.ofInstant(at, FormSets.VIETNAM).format(TIME);
	}

	static String shortWhen(Instant at) {
		return at == null ? "" : ZonedDateTime.ofInstant(at, FormSets.VIETNAM).format(SHORT);
	}

	static String day(Instant at) {
		return at == null ? "" : ZonedDateTime.ofInstant(at, FormSets.VIETNAM).format(DAY);
	}

	static String time(ProcessingTime t) {
		if (t == null) {
			return "…";
		}
		if (t.sameDay()) {
			return "Trong ngày";
		}
		return switch (t.unit()) {
			case WORKING_DAYS -> t.amount() + " ngày làm việc";
			case WORKING_HOURS -> t.amount() + " giờ làm việc";
			case DAYS -> t.amount() + " ngày";
			case MONTHS -> t.amount() + " tháng";
		};
	}

	static String verdict(Timeliness t) {
		if (t == null) {
			return "";
		}
		return switch (t) {
			case EARLY -> "Trước hạn";
			case ON_TIME -> "Đúng hạn";
			case LATE -> "Quá hạn";
		};
	}

	/**
	 * A dossier's fee in words, as computed at intake: the total, each line (copies and
	 * pages counted, exemptions with their basis), and whether it is paid.
	 */
	static String fee(DossierFee fee) {
		if (fee == null || fee.lines().isEmpty()) {
			return "Không";
		}
		List<String> lines = new ArrayList<>();
		for (Fees.FeeLine l : fee.lines()) {
			String amount = switch (l.kind()) {
				case EXEMPT -> "miễn";
				case FIXED -> money(l.amount());
				case PER_COPY -> l.count() + " bản × " + money(l.unitAmount());
				case PER_PAGE -> l.count() + " trang × " + money(l.unitAmount());
			};
			if (l.exemptedBy() != null && l.kind() != FeeKind.EXEMPT) {
				amount = "miễn";
			}
			lines.add(l.name() + ": " + amount + (l.exemptedBy() != null ? " (" + l.exemptedBy() + ")" : ""));
		}
		String total = fee.amount() == 0 ? "Miễn" : money(fee.amount());
		String paid = fee.amount() == 0 ? "" : fee.paidAt() != null ? "; đã nộp" : fee.stage() == FeeStage.RESULT
				? "; nộp khi nhận kết quả" : "; chưa nộp, hồ sơ được giải quyết sau khi nộp";
		return total + " (" + String.join("; ", lines) + ")" + paid;
	}

	/** An amount in đồng, with dots between thousands: 24.000 đồng. */
	static String money(long amount) {
		return String.format(java.util.Locale.ROOT, "%,d", amount).replace(',', '.') + " đồng";
	}

	static String status(DossierStatus s) {
		return switch (s) {
			case AWAITING_INTAKE -> "Chờ tiếp nhận";
			case AWAITING_ADDITIONS -> "Chờ bổ sung (trước tiếp nhận)";
			case RECEIVED -> "Đã tiếp nhận";
			case AWAITING_PAYMENT -> "Chờ nộp phí";
			case IN_PROCESSING -> "Đang giải quyết";
			case WAITING_FOR_SUPPLEMENT -> "Chờ bổ sung";
			case AWAITING_APPROVAL -> "Chờ phê duyệt";
			case APPROVED -> "Đã phê duyệt";
			case RESULT_READY -> "Có kết quả, chờ trả";
			case RETURNED -> "Đã trả kết quả";
			case REFUSED -> "Từ chối giải quyết";
			case STOPPED -> "Dừng giải quyết";
			case WITHDRAWN -> "Rút hồ sơ";
			case REFUSED_AT_INTAKE -> "Từ chối tiếp nhận";
		};
	}

	private static void applicant(PdfLayout pdf, Subject s) {
		pdf.field("Người nộp hồ sơ", s.applicantName());
		if (s.idNumber() != null && !s.idNumber().isBlank()) {
			pdf.field("Số định danh cá nhân", s.idNumber());
		}
		if (s.address() != null && !s.address().isBlank()) {
			pdf.field("Địa chỉ", s.address());
		}
		if (s.phone() != null && !s.phone().isBlank()) {
			pdf.field("Số điện thoại", s.phone());
		}
		pdf.field("Nội dung yêu cầu giải quyết", s.procedureName());
		if (s.dossierCode() != null) {
			pdf.field("Mã hồ sơ", s.dossierCode());
		}
	}

	// ------------------------------------------------------------------ the forms

	/**
	 * Form 01: the receipt and appointment, with the components, the times, where to
	 * collect the result, and a QR code of the public look-up.
	 * @param receiver the receiving officer's full name
	 */
	public static byte[] receipt(Form form, Issuer issuer, DossierView d, String number, String receiver,
			String lookupUrl) {
		PdfLayout pdf = open(form, issuer, number, d.receivedAt());
		pdf.paragraph(
				"Bộ phận tiếp nhận và trả kết quả (Bộ phận một cửa) " + issuer.inText() + " tiếp nhận hồ sơ của:");
		Subject s = Subject.of(d);
		pdf.field("Ông/Bà", s.applicantName());
		if (s.idNumber() != null) {
			pdf.field("Số định danh cá nhân", s.idNumber());
		}
		if (s.address() != null) {
			pdf.field("Địa chỉ", s.address());
		}
		if (s.phone() != null) {
			pdf.field("Số điện thoại", s.phone());
		}
		if (d.applicant().email() != null) {
			pdf.field("Thư điện tử", d.applicant().email());
		}
		pdf.field("Nội dung yêu cầu giải quyết", d.procedureName());
		pdf.field("Mã hồ sơ", d.code());
		pdf.space(4);
		pdf.paragraph("1. Thành phần hồ sơ nộp gồm:", true, 11, 0);
		List<List<String>> rows = new ArrayList<>();
		int i = 1;
		for (SubmittedComponent c : d.components()) {
			rows.add(List.of(String.valueOf(i++), c.name(), String.valueOf(c.originals()), String.valueOf(c.copies())));
		}
		pdf.table(new float[] { 1, 10, 2, 2 }, List.of("TT", "Tên giấy tờ", "Bản chính", "Bản sao"), rows, 10);
		pdf.space(6);
		pdf.field("2. Số lượng hồ sơ", "01 bộ");
		pdf.field("3. Thời hạn giải quyết hồ sơ", time(d.committedTime()));
		pdf.field("Phí, lệ phí", fee(d.fee()));
		pdf.field("4. Thời gian nhận hồ sơ", when(d.receivedAt()));
		pdf.field("5. Thời gian trả kết quả giải quyết hồ sơ", when(d.dueAt()));
		pdf.field("6. Đăng ký nhận kết quả tại", issuer.address() == null ? issuer.inText() : issuer.address());
		pdf.field("Vào sổ theo dõi hồ sơ, quyển số", d.code());
		pdf.space(4);
		pdf.qr(lookupUrl, 72, List.of("Tra cứu tình trạng hồ sơ: quét mã QR hoặc truy cập " + lookupUrl,
				"bằng mã hồ sơ và 4 chữ số cuối của số định danh cá nhân hoặc số điện thoại."));
		sign(pdf, "NGƯỜI NỘP HỒ SƠ", d.applicant().name(), "NGƯỜI TIẾP NHẬN HỒ SƠ", receiver);
		return pdf.bytes();
	}

	/**
	 * Form 02: what the applicant is asked to add, at the intake (guidance) or during
	 * processing (the one supplement request), and where to hand it in.
	 * @param items what to add, one an item
	 */
	public static byte[] supplementRequest(Form form, Issuer issuer, Subject s, List<String> items, String number,
			Instant at, String officer) {
		PdfLayout pdf = open(form, issuer, number, at);
		pdf.paragraph("Bộ phận tiếp nhận và trả kết quả (Bộ phận một cửa) " + issuer.inText() + " đề nghị:");
		applicant(pdf, s);
		pdf.space(4);
		pdf.paragraph("Hồ sơ cần bổ sung, hoàn thiện những nội dung sau:", true, 11, 0);
		int i = 1;
		for (String item : items) {
			pdf.paragraph(i++ + ". " + item, false, 11, 12);
		}
		pdf.space(4);
		pdf.paragraph("Ông/Bà vui lòng bổ sung, hoàn thiện hồ sơ và nộp tại "
				+ (issuer.address() == null ? issuer.inText() : issuer.address())
				+ ". Lý do: hồ sơ chưa đầy đủ, hợp lệ theo quy định.");
		pdf.paragraph("Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ Bộ phận một cửa để được"
				+ " hướng dẫn.");
		sign(pdf, "NGƯỜI NỘP HỒ SƠ", s.applicantName(), "NGƯỜI HƯỚNG DẪN", officer);
		return pdf.bytes();
	}

	/** Form 03: the refusal, with its reasons. */
	public static byte[] refusal(Form form, Issuer issuer, Subject s, String reasons, String number, Instant at,
			String officer) {
		PdfLayout pdf = open(form, issuer, number, at);
		pdf.paragraph("Bộ phận tiếp nhận và trả kết quả (Bộ phận một cửa) " + issuer.inText()
				+ " tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính của:");
		applicant(pdf, s);
		pdf.space(4);
		pdf.paragraph("Sau khi xem xét, đối chiếu hồ sơ với quy định, hồ sơ không đủ điều kiện giải quyết. Lý do:",
				true, 11, 0);
		pdf.paragraph(reasons, false, 11, 12);
		pdf.space(4);
		pdf.paragraph("Xin thông báo để Ông/Bà được biết và thực hiện.");
		sign(pdf, null, null, "NGƯỜI TIẾP NHẬN HỒ SƠ", officer);
		return pdf.bytes();
	}

	/** Form 04: the apology for a delay, its reason and the new due time. */
	public static byte[] apology(Form form, Issuer issuer, DossierView d, String reason, Instant previousDueAt,
			Instant newDueAt, String number, Instant at, String officer) {
		PdfLayout pdf = open(form, issuer, number, at);
		pdf.paragraph(issuer.inText() + " tiếp nhận hồ sơ của Ông/Bà " + d.applicant().name() + ", mã hồ sơ " + d.code()
				+ ", nội dung yêu cầu giải quyết: " + d.procedureName() + ".");
		pdf.field("Thời gian hẹn trả kết quả", when(previousDueAt));
		pdf.paragraph("Tuy nhiên đến nay, " + issuer.inText() + " chưa trả kết quả giải quyết hồ sơ cho Ông/Bà"
				+ " đúng hạn. Lý do:");
		pdf.paragraph(reason, false, 11, 12);
		pdf.paragraph("Sự chậm trễ này đã gây phiền hà cho Ông/Bà. " + issuer.inText()
				+ " xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào:");
		pdf.field("Thời gian hẹn trả kết quả mới", when(newDueAt));
		pdf.paragraph("Mong nhận được sự thông cảm của Ông/Bà.");
		sign(pdf, null, null, "NGƯỜI ĐẠI DIỆN CƠ QUAN", officer);
		return pdf.bytes();
	}

	/** Form 05 (Circular 03/2025): processing stopped at the applicant's request. */
	public static byte[] stopNotice(Form form, Issuer issuer, DossierView d, String number, Instant at,
			String officer) {
		PdfLayout pdf = open(form, issuer, number, at);
		pdf.paragraph(issuer.inText() + " đã tiếp nhận hồ sơ của:");
		applicant(pdf, Subject.of(d));
		pdf.field("Thời gian nhận hồ sơ", when(d.receivedAt()));
		pdf.space(4);
		pdf.paragraph("Theo đề nghị của người nộp hồ sơ, " + issuer.inText() + " dừng giải quyết hồ sơ nêu trên kể từ "
				+ when(at) + ".");
		pdf.paragraph("Hồ sơ và giấy tờ đã nộp được trả lại cho Ông/Bà theo quy định.");
		sign(pdf, "NGƯỜI NỘP HỒ SƠ", d.applicant().name(), "NGƯỜI ĐẠI DIỆN CƠ QUAN", officer);
		return pdf.bytes();
	}

	/**
	 * Form 06 (05 of Circular 01/2018): the control slip, every hand-over of the dossier
	 * with its time, the step's due time and its verdict (early, on time, late).
	 */
	public static byte[] controlSlip(Form form, Issuer issuer, DossierView d, String number, Instant at) {
		PdfLayout pdf = open(form, issuer, number, at);
		pdf.field("Mã hồ sơ", d.code());
		pdf.field("Người nộp hồ sơ", d.applicant().name());
		pdf.field("Nội dung yêu cầu giải quyết", d.procedureName());
		pdf.field("Thời gian nhận hồ sơ", when(d.receivedAt()));
		pdf.field("Thời gian hẹn trả kết quả", when(d.dueAt()));
		pdf.space(6);
		List<List<String>> rows = new ArrayList<>();
		List<DossierView.Step> steps = d.steps();
		for (int i = 0; i < steps.size(); i++) {
			DossierView.Step step = steps.get(i);
			if (step.startedAt() == null) {
				continue;
			}
			String from = i == 0 ? "Người nộp hồ sơ"
					: name(steps.get(i - 1).completedByName(), steps.get(i - 1).completedBy());
			String to = name(step.assigneeName(), step.assignee());
			rows.add(List.of(String.valueOf(step.number()), step.name(),
					"Giao: " + from + "\nNhận: " + to + "\nLúc: " + shortWhen(step.startedAt()),
					shortWhen(step.dueAt()), step.completedAt() == null ? "Đang xử lý" : shortWhen(step.completedAt()),
					step.completedAt() == null ? "" : verdict(step.verdict())));
		}
		pdf.table(new float[] { 1.2f, 4, 6, 3, 3, 2.6f },
				List.of("TT", "Nội dung", "Giao, nhận hồ sơ", "Hạn xử lý", "Hoàn thành", "Kết quả"), rows, 9);
		pdf.space(6);
		pdf.field("Tình trạng", status(d.status()));
		if (d.timeliness() != null) {
			pdf.field("Kết quả giải quyết hồ sơ", verdict(d.timeliness()));
		}
		if (d.returnedAt() != null) {
			pdf.field("Thời gian trả kết quả", when(d.returnedAt()));
		}
		return pdf.bytes();
	}

	/**
	 * Form 07 (06 of Circular 01/2018): the unit's tracking register of the dossiers
	 * received in a period.
	 */
	public static byte[] register(Form form, Issuer issuer, LocalDate from, LocalDate to, List<DossierSummary> dossiers,
			String number, Instant at) {
		PdfLayout pdf = open(form, issuer, number, at, true);
		pdf.centered("Hồ sơ tiếp nhận từ ngày " + from.format(DAY) + " đến ngày " + to.format(DAY), false, 11);
		pdf.space(6);
		List<List<String>> rows = new ArrayList<>();
		int i = 1;
		for (DossierSummary s : dossiers) {
			rows.add(List.of(String.valueOf(i++), s.code(), s.procedureName(), s.applicantName(),
					shortWhen(s.receivedAt()), shortWhen(s.dueAt()),
					status(s.status()) + (s.timeliness() == null ? "" : " (" + verdict(s.timeliness()) + ")")));
		}
		pdf.table(new float[] { 1, 5.2f, 6, 4.5f, 2.6f, 2.6f, 4 },
				List.of("TT", "Mã hồ sơ", "Thủ tục", "Người nộp", "Tiếp nhận", "Hẹn trả", "Tình trạng"), rows, 8);
		pdf.space(6);
		pdf.paragraph("Tổng số hồ sơ: " + dossiers.size());
		return pdf.bytes();
	}

	/**
	 * What an electronic receipt of a fee (biên lai điện tử) prints: its number, the
	 * payer, the dossier and its procedure, the fee lines and their total in đồng, how it
	 * was paid ({@code method}: ONLINE, CASH or TRANSFER) with the gateway's transaction
	 * number or the counter's receipt number, when, and who recorded it at the counter.
	 */
	public record ReceiptData(String number, String payerName, String payerIdNumber, String dossierCode,
			String procedureName, List<FeeLine> lines, long total, String method, String gateway,
			String gatewayTransactionNo, String receiptNumber, Instant paidAt, String recordedBy) {

		public ReceiptData {
			lines = lines == null ? List.of() : List.copyOf(lines);
		}

	}

	/** A line of a receipt: what is paid for, and how much in đồng. */
	public record FeeLine(String name, long amount) {
	}

	/** The title of the e-receipt, as the issued documents list it. */
	public static final String E_RECEIPT_TITLE = "Biên lai thu phí, lệ phí";

	/**
	 * The electronic receipt of a fee paid (biên lai thu phí, lệ phí điện tử): the unit
	 * that collects it, the national motto, the receipt's number, the payer, the dossier,
	 * the fee lines with the total in figures and in words, the method, the time.
	 */
	public static byte[] eReceipt(Issuer issuer, ReceiptData r) {
		Instant at = r.paidAt();
		PdfLayout pdf = new PdfLayout(E_RECEIPT_TITLE, at, false);
		pdf.right("Biên lai điện tử", true, 10);
		pdf.space(4);
		LocalDate day = LocalDate.ofInstant(at, FormSets.VIETNAM);
		pdf.columns(0.42f,
				List.of(new Line(issuer.upper(), false, false), new Line("BỘ PHẬN MỘT CỬA", true,
						true), new Line("Số: " + r.number(), false, false)),
				List.of(new Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, false),
						new Line("Độc lập - Tự do - Hạnh phúc", true, true),
						new Line(issuer.place() + ", ngày " + two(day.getDayOfMonth()) + " tháng "
								+ two(day.getMonthValue()) + " năm " + day.getYear(), false, false)),
				11);
		pdf.space(14);
		pdf.centered("BIÊN LAI THU PHÍ, LỆ PHÍ", true, 13);
		pdf.centered("(Biên lai điện tử)", false, 11);
		pdf.space(8);
		pdf.field("Đơn vị thu", issuer.inText()
				+ (issuer.address() == null || issuer.address().isBlank() ? "" : " - " + issuer.address()));
		pdf.field("Người nộp", r.payerName());
		if (r.payerIdNumber() != null && !r.payerIdNumber().isBlank()) {
			pdf.field("Số định danh cá nhân", r.payerIdNumber());
		}
		pdf.field("Mã hồ sơ", r.dossierCode());
		pdf.field("Thủ tục", r.procedureName());
		pdf.space(4);
		List<List<String>> rows = new ArrayList<>();
		int i = 1;
		for (FeeLine line : r.lines()) {
			rows.add(List.of(String.valueOf(i++), line.name(), thousands(line.amount())));
		}
		pdf.table(new float[] { 1, 10, 4 }, List.of("TT", "Nội dung thu", "Số tiền (đồng)"), rows, 10);
		pdf.space(6);
		pdf.field("Tổng số tiền", thousands(r.total()) + " đồng");
		pdf.field("Bằng chữ", VietnameseNumbers.words(r.total()) + " đồng");
		pdf.field("Hình thức thanh toán", method(r));
		if ("ONLINE".equals(r.method())) {
			pdf.field("Mã giao dịch của cổng thanh toán", blank(r.gatewayTransactionNo()));
		}
		else {
			pdf.field("Số biên lai thu tại quầy", blank(r.receiptNumber()));
		}
		pdf.field("Thời gian thanh toán", when(at));
		if (r.recordedBy() != null && !r.recordedBy().isBlank()) {
			pdf.field("Người thu tiền", r.recordedBy());
		}
		pdf.space(6);
		pdf.paragraph("Biên lai điện tử do " + issuer.inText() + " lập và ký số; có giá trị như biên lai giấy.", false,
				9, 0);
		return pdf.bytes();
	}

	private static String method(ReceiptData r) {
		return switch (r.method()) {
			case "ONLINE" -> "Trực tuyến qua " + ("VNPAY".equalsIgnoreCase(r.gateway()) || r.gateway() == null
					? "cổng thanh toán VNPay" : "cổng thanh toán " + r.gateway());
			case "CASH" -> "Tiền mặt tại quầy";
			case "TRANSFER" -> "Chuyển khoản";
			default -> r.method();
		};
	}

	/** A number with dots between thousands, as Vietnamese writes amounts: 50.000. */
	static String thousands(long amount) {
		String digits = Long.toString(Math.abs(amount));
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < digits.length(); i++) {
			if (i > 0 && (digits.length() - i) % 3 == 0) {
				out.append('.');
			}
			out.append(digits.charAt(i));
		}
		return (amount < 0 ? "-" : "") + out;
	}

	private static String name(String fullName, String username) {
		return fullName != null ? fullName : username == null ? "" : username;
	}

	private FormPdfs() {
	}

}
