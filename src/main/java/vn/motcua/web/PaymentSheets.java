package vn.motcua.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.motcua.payment.Payment;
import vn.motcua.payment.Reconciliations;

/**
 * The finance officer's lists as XLSX (Apache POI): the payments of a period and the
 * reconciliation of a day, one row an order, amounts as numbers in đồng, times in
 * Vietnam's time as text (dd/MM/yyyy HH:mm). Headings in Vietnamese, as the unit files
 * them.
 */
final class PaymentSheets {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
		.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

	static final String[] PAYMENT_HEADINGS = { "Mã giao dịch", "Mã hồ sơ", "Thủ tục", "Số tiền (đồng)", "Hình thức",
			"Trạng thái", "Tạo lúc", "Thanh toán lúc", "Mã giao dịch cổng", "Số biên lai", "Người thu", "Hoàn tiền lúc",
			"Người hoàn", "Lý do hoàn" };

	static final String[] MISMATCH_HEADINGS = { "Ngày", "Mã giao dịch", "Loại sai lệch", "Trạng thái tại MotCua",
			"Số tiền tại MotCua (đồng)", "Trạng thái tại cổng", "Số tiền tại cổng (đồng)", "Phát hiện lúc" };

	static byte[] payments(List<Payment> payments) {
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			Sheet sheet = book.createSheet("Thanh toán");
			heading(book, sheet, PAYMENT_HEADINGS);
			int r = 1;
			for (Payment p : payments) {
				Row row = sheet.createRow(r++);
				int c = 0;
				row.createCell(c++).setCellValue(p.reference());
				row.createCell(c++).setCellValue(p.dossierCode());
				row.createCell(c++).setCellValue(p.procedureCode());
				row.createCell(c++).setCellValue(p.amount());
				row.createCell(c++).setCellValue(method(p.method().name()));
				row.createCell(c++).setCellValue(status(p.status().name()));
				row.createCell(c++).setCellValue(time(p.createdAt()));
				row.createCell(c++).setCellValue(time(p.paidAt()));
				row.createCell(c++).setCellValue(text(p.gatewayTransactionNo()));
				row.createCell(c++).setCellValue(text(p.receiptNumber()));
				row.createCell(c++).setCellValue(text(p.recordedBy()));
				row.createCell(c++).setCellValue(time(p.refundedAt()));
				row.createCell(c++).setCellValue(text(p.refundedBy()));
				row.createCell(c).setCellValue(text(p.refundReason()));
			}
			return bytes(book, sheet, PAYMENT_HEADINGS.length);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] mismatches(List<Reconciliations.Mismatch> mismatches) {
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			Sheet sheet = book.createSheet("Đối soát");
			heading(book, sheet, MISMATCH_HEADINGS);
			int r = 1;
			for (Reconciliations.Mismatch m : mismatches) {
				Row row = sheet.createRow(r++);
				int c = 0;
				row.createCell(c++).setCellValue(m.day());
				row.createCell(c++).setCellValue(m.reference());
				row.createCell(c++).setCellValue(kind(m.kind()));
				row.createCell(c++).setCellValue(status(m.ourStatus().name()));
				row.createCell(c++).setCellValue(m.ourAmount());
				row.createCell(c++).setCellValue(text(m.gatewayStatus()));
				Cell gateway = row.createCell(c++);
				if (m.gatewayAmount() != null) {
					gateway.setCellValue(m.gatewayAmount());
				}
				row.createCell(c).setCellValue(time(m.foundAt()));
			}
			return bytes(book, sheet, MISMATCH_HEADINGS.length);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void heading(XSSFWorkbook book, Sheet sheet, String[] headings) {
		CellStyle bold = book.createCellStyle();
		Font font = book.createFont();
		font.setBold(true);
		bold.setFont(font);
		Row row = sheet.createRow(0);
		for (int i = 0; i < headings.length; i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(headings[i]);
			cell.setCellStyle(bold);
		}
		sheet.createFreezePane(0, 1);
	}

	private static byte[] bytes(XSSFWorkbook book, Sheet sheet, int columns) throws IOException {
		for (int i = 0; i < columns; i++) {
			sheet.setColumnWidth(i, 18 * 256);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		book.write(out);
		return out.toByteArray();
	}

	static String method(String method) {
		return switch (method) {
			case "ONLINE" -> "Trực tuyến";
			case "CASH" -> "Tiền mặt";
			case "TRANSFER" -> "Chuyển khoản";
			default -> method;
		};
	}

	static String status(String status) {
		return switch (status) {
			case "CREATED" -> "Mới tạo";
			case "PENDING" -> "Chờ xác nhận";
			case "PAID" -> "Đã thanh toán";
			case "FAILED" -> "Không thành công";
			case "EXPIRED" -> "Hết hạn";
			case "REFUNDED" -> "Đã hoàn tiền";
			default -> status;
		};
	}

	static String kind(Reconciliations.Kind kind) {
		return switch (kind) {
			case PAID_AT_GATEWAY_ONLY -> "Cổng đã thu, MotCua chưa ghi nhận";
			case PAID_HERE_ONLY -> "MotCua ghi nhận, cổng không có giao dịch";
			case AMOUNT_DIFFERS -> "Số tiền khác nhau";
		};
	}

	private static String time(Instant at) {
		return at == null ? "" : TIME.format(at);
	}

	private static String text(String s) {
		return s == null ? "" : s;
	}

	private PaymentSheets() {
	}

}
