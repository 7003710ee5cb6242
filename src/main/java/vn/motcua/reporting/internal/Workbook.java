package vn.motcua.reporting.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import vn.motcua.calendar.core.WorkingCalendar;

/**
 * An XLSX workbook written as it goes (POI's streaming {@link SXSSFWorkbook}: a hundred
 * rows in memory, the rest in a temporary file), with the cell kinds the exports use:
 * text, whole numbers, dates and times in Vietnam as real Excel dates, and rates as
 * percentages. A workbook is written once, then closed.
 */
public final class Workbook implements AutoCloseable {

	private final SXSSFWorkbook book = new SXSSFWorkbook(100);

	private final CellStyle heading;

	private final CellStyle date;

	private final CellStyle dateTime;

	private final CellStyle percent;

	private final CellStyle title;

	private Sheet sheet;

	private int row;

	public Workbook() {
		this.book.setCompressTempFiles(true);
		var format = this.book.createDataFormat();
		Font bold = this.book.createFont();
		bold.setBold(true);
		this.heading = this.book.createCellStyle();
		this.heading.setFont(bold);
		this.heading.setWrapText(true);
		Font big = this.book.createFont();
		big.setBold(true);
		big.setFontHeightInPoints((short) 13);
		this.title = this.book.createCellStyle();
		this.title.setFont(big);
		this.date = this.book.createCellStyle();
		this.date.setDataFormat(format.getFormat("dd/mm/yyyy"));
		this.dateTime = this.book.createCellStyle();
		this.dateTime.setDataFormat(format.getFormat("dd/mm/yyyy hh:mm"));
		this.percent = this.book.createCellStyle();
		this.percent.setDataFormat(format.getFormat("0.00%"));
	}

	/** Starts a sheet, with its columns' widths in characters. */
	public Workbook sheet(String name, int... widths) {
		SXSSFSheet s = this.book.createSheet(name);
		for (int i = 0; i < widths.length; i++) {
			s.setColumnWidth(i, Math.min(255, widths[i]) * 256);
		}
		this.sheet = s;
		this.row = 0;
		return this;
	}

	/** The sheet's title line. */
	public Workbook title(String text) {
		Cell cell = this.sheet.createRow(this.row++).createCell(0);
		cell.setCellValue(text);
		cell.setCellStyle(this.title);
		return this;
	}

	/** A line of a label and a day (the period's ends). */
	public Workbook labelled(String label, LocalDate day) {
		Row r = this.sheet.createRow(this.row++);
		r.createCell(0).setCellValue(label);
		Cell cell = r.createCell(1);
		cell.setCellValue(day);
		cell.setCellStyle(this.date);
		return this;
	}

	/** A line of a label and a text. */
	public Workbook labelled(String label, String text) {
		Row r = this.sheet.createRow(this.row++);
		r.createCell(0).setCellValue(label);
		r.createCell(1).setCellValue(text);
		return this;
	}

	public Workbook blank() {
		this.row++;
		return this;
	}

	/** The column headings, frozen above the lines that follow. */
	public Workbook headings(String... names) {
		Row r = this.sheet.createRow(this.row++);
		for (int i = 0; i < names.length; i++) {
			Cell cell = r.createCell(i);
			cell.setCellValue(names[i]);
			cell.setCellStyle(this.heading);
		}
		this.sheet.createFreezePane(0, this.row);
		return this;
	}

	/**
	 * A line: each value by its kind (text, number, rate as a {@link Rate}, day, instant
	 * shown in Vietnam's time); null leaves the cell empty.
	 */
	public Workbook line(Object... values) {
		Row r = this.sheet.createRow(this.row++);
		for (int i = 0; i < values.length; i++) {
			Object v = values[i];
			if (v == null) {
				continue;
			}
			Cell cell = r.createCell(i);
			if (v instanceof Rate rate) {
				cell.setCellValue(rate.fraction());
				cell.setCellStyle(this.percent);
			}
			else if (v instanceof Number n) {
				cell.setCellValue(n.doubleValue());
			}
			else if (v instanceof LocalDate d) {
				cell.setCellValue(d);
				cell.setCellStyle(this.date);
			}
			else if (v instanceof Instant at) {
				cell.setCellValue(LocalDateTime.ofInstant(at, WorkingCalendar.ZONE));
				cell.setCellStyle(this.dateTime);
			}
			else {
				cell.setCellValue(v.toString());
			}
		}
		return this;
	}

	/** A rate as a fraction (0.0046), shown as a percentage (0.46%). */
	public record Rate(double fraction) {

		/** The rate, or null (an empty cell) when there is none. */
		public static Rate of(Double fraction) {
			return fraction == null ? null : new Rate(fraction);
		}

	}

	public void write(OutputStream out) {
		try {
			this.book.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.book.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
