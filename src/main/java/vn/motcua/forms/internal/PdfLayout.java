package vn.motcua.forms.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays a form out on A4 pages with PDFBox: text in DejaVu Sans (embedded as a subset, so
 * that every Vietnamese diacritic prints and reads back as text), paragraphs that wrap
 * and flow onto further pages, two-column blocks, tables whose rows wrap and whose header
 * repeats on each page, and a QR code drawn as vector squares. One instance makes one
 * document; not thread-safe.
 */
public final class PdfLayout implements AutoCloseable {

	/** A4 in points, upright or on its side. */
	private final PDRectangle page;

	/**
	 * Margins of an administrative document (Decree 30/2020: left 30 mm, right 15–20 mm,
	 * top and bottom 20 mm), in points.
	 */
	static final float LEFT = 85, RIGHT = 57, TOP = 57, BOTTOM = 57;

	private final float width;

	private static final byte[] REGULAR = font("fonts/DejaVuSans.ttf");

	private static final byte[] BOLD = font("fonts/DejaVuSans-Bold.ttf");

	/**
	 * The two fonts parsed, lent to one document at a time: parsing a 700 KB TrueType
	 * file for every document cost more than laying the document out (ADR 33). A parsed
	 * font is not safe to share between threads at once; one lent is the borrower's alone
	 * until it is given back. A document finding none parses its own, and keeps it for
	 * the next one if there is room.
	 */
	private static final java.util.concurrent.BlockingQueue<TrueTypeFont[]> PARSED = new java.util.concurrent.ArrayBlockingQueue<>(
			Math.max(2, Runtime.getRuntime().availableProcessors() * 2));

	private final TrueTypeFont[] fonts;

	private final PDDocument document = new PDDocument();

	private final PDType0Font regular;

	private final PDType0Font bold;

	private final Map<Integer, Boolean> printable = new HashMap<>();

	private final List<Runnable> onNewPage = new ArrayList<>();

	private PDPageContentStream content;

	private float y;

	public PdfLayout(String title, java.time.Instant created) {
		this(title, created, false);
	}

	/** A document on A4 pages, on their side ({@code landscape}) for wide tables. */
	public PdfLayout(String title, java.time.Instant created, boolean landscape) {
		this.page = landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
		this.width = this.page.getWidth() - LEFT - RIGHT;
		TrueTypeFont[] lent = PARSED.poll();
		this.fonts = lent != null ? lent : new TrueTypeFont[] { parse(REGULAR), parse(BOLD) };
		try {
			// embedded as subsets: only the glyphs used, with their Unicode map
			this.regular = PDType0Font.load(this.document, this.fonts[0], true);
			this.bold = PDType0Font.load(this.document, this.fonts[1], true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		PDDocumentInformation info = this.document.getDocumentInformation();
		info.setTitle(title);
		info.setCreator("MotCua");
		info.setProducer("MotCua (Apache PDFBox)");
		Calendar at = new GregorianCalendar(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
		at.setTimeInMillis(created.toEpochMilli());
		info.setCreationDate(at);
		newPage();
	}

	private static TrueTypeFont parse(byte[] font) {
		try {
			return new TTFParser().parse(new RandomAccessReadBuffer(font));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] font(String resource) {
		try (InputStream in = PdfLayout.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("font " + resource + " is not on the classpath");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// ------------------------------------------------------------------ pages

	private void newPage() {
		try {
			if (this.content != null) {
				this.content.close();
			}
			PDPage page = new PDPage(this.page);
			this.document.addPage(page);
			this.content = new PDPageContentStream(this.document, page);
			this.y = this.page.getHeight() - TOP;
			int number = this.document.getNumberOfPages();
			if (number > 1) {
				String label = "Trang " + number;
				float size = 8;
				write(label, this.regular, size, this.page.getWidth() - RIGHT - width(label, this.regular, size),
						BOTTOM / 2);
				List<Runnable> again = List.copyOf(this.onNewPage);
				again.forEach(Runnable::run);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts a new page unless {@code height} points still fit on this one. */
	public void need(float height) {
		if (this.y - height < BOTTOM) {
			newPage();
		}
	}

	/** Leaves {@code points} of vertical space. */
	public void space(float points) {
		this.y -= points;
		if (this.y < BOTTOM) {
			newPage();
		}
	}

	// ------------------------------------------------------------------ text

	/**
	 * The text as the font can print it: NFC, no control characters, '?' for a glyph it
	 * lacks.
	 */
	String clean(String text, PDType0Font font) {
		if (text == null) {
			return "";
		}
		String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
		StringBuilder out = new StringBuilder(nfc.length());
		nfc.codePoints().forEach(cp -> {
			if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
				out.append(' ');
			}
			else if (this.printable.computeIfAbsent(cp, c -> canPrint(font, c))) {
				out.appendCodePoint(cp);
			}
			else {
				out.append('?');
			}
		});
		return out.toString();
	}

	private boolean canPrint(PDType0Font font, int cp) {
		try {
			// both fonts hold the same characters (DejaVu Sans and its bold)
			font.encode(new String(Character.toChars(cp)));
			return true;
		}
		catch (IllegalArgumentException | IOException ex) {
			return false;
		}
	}

	static float width(String text, PDType0Font font, float size) {
		try {
			return font.getStringWidth(text) / 1000 * size;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void write(String text, PDType0Font font, float size, float x, float baseline) throws IOException {
		this.content.beginText();
		this.content.setFont(font, size);
		this.content.newLineAtOffset(x, baseline);
		this.content.showText(text);
		this.content.endText();
	}

	/** The text cut into lines no wider than {@code width}, at spaces where it can. */
	List<String> wrap(String text, PDType0Font font, float size, float width) {
		List<String> lines = new ArrayList<>();
		for (String paragraph : (text == null ? "" : text).split("\\R", -1)) {
			String clean = clean(paragraph, font).strip();
			StringBuilder line = new StringBuilder();
			for (String word : clean.split(" +")) {
				String candidate = line.isEmpty() ? word : line + " " + word;
				if (width(candidate, font, size) <= width) {
					line.setLength(0);
					line.append(candidate);
					continue;
				}
				if (!line.isEmpty()) {
					lines.add(line.toString());
					line.setLength(0);
				}
				// a word wider than the line is cut where it must
				String rest = word;
				while (width(rest, font, size) > width && rest.length() > 1) {
					int cut = rest.length() - 1;
					while (cut > 1 && width(rest.substring(0, cut), font, size) > width) {
						cut--;
					}
					lines.add(rest.substring(0, cut));
					rest = rest.substring(cut);
				}
				line.append(rest);
			}
			lines.add(line.toString());
		}
		return lines;
	}

	private static float leading(float size) {
		return size * 1.35f;
	}

	/**
	 * A paragraph from the left margin (plus {@code indent}), wrapped, flowing onto
	 * further pages.
	 */
	public void paragraph(String text, boolean strong, float size, float indent) {
		PDType0Font font = strong ? this.bold : this.regular;
		for (String line : wrap(text, font, size, this.width - indent)) {
			need(leading(size));
			this.y -= leading(size);
			try {
				write(line, font, size, LEFT + indent, this.y + size * 0.3f);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/** A paragraph in the body's size. */
	public void paragraph(String text) {
		paragraph(text, false, 11, 0);
	}

	/** "Label: value", the label in bold, the value wrapped under the line's width. */
	public void field(String label, String value) {
		String head = clean(label, this.bold) + ": ";
		float size = 11;
		float headWidth = width(head, this.bold, size);
		List<String> lines = wrap(value == null || value.isBlank() ? "…" : value, this.regular, size,
				this.width - headWidth);
		for (int i = 0; i < lines.size(); i++) {
			need(leading(size));
			this.y -= leading(size);
			try {
				if (i == 0) {
					write(head, this.bold, size, LEFT, this.y + size * 0.3f);
				}
				write(lines.get(i), this.regular, size, LEFT + headWidth, this.y + size * 0.3f);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/** A line centred on the page, wrapped. */
	public void centered(String text, boolean strong, float size) {
		centeredIn(text, strong, size, LEFT, this.width);
		this.y = this.lastBottom;
	}

	private float lastBottom;

	/**
	 * Lines centred in a column from {@code x}, {@code width} wide, from the current line
	 * down; the current line does not move ({@link #lastBottom} says where they ended).
	 */
	private float centeredIn(String text, boolean strong, float size, float x, float width) {
		PDType0Font font = strong ? this.bold : this.regular;
		float at = this.y;
		for (String line : wrap(text, font, size, width)) {
			at -= leading(size);
			try {
				write(line, font, size, x + (width - width(line, font, size)) / 2, at + size * 0.3f);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		this.lastBottom = at;
		return at;
	}

	/** A short rule under the last centred line, {@code length} wide. */
	private void rule(float centre, float at, float length) {
		try {
			this.content.setLineWidth(0.6f);
			this.content.moveTo(centre - length / 2, at);
			this.content.lineTo(centre + length / 2, at);
			this.content.stroke();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One line of a column: its text, in bold or not, and a rule under it or not. */
	public record Line(String text, boolean strong, boolean ruled) {
	}

	/**
	 * Two columns side by side ({@code leftShare} of the width at the left), each a stack
	 * of centred lines, as an administrative document's heading and signatures.
	 */
	public void columns(float leftShare, List<Line> left, List<Line> right, float size) {
		float leftWidth = this.width * leftShare;
		float rightWidth = this.width - leftWidth;
		float height = Math.max(left.size(), right.size()) * leading(size) * 1.15f;
		need(height);
		float top = this.y;
		float bottomLeft = stack(left, LEFT, leftWidth, size, top);
		float bottomRight = stack(right, LEFT + leftWidth, rightWidth, size, top);
		this.y = Math.min(bottomLeft, bottomRight);
	}

	private float stack(List<Line> lines, float x, float width, float size, float top) {
		this.y = top;
		for (Line line : lines) {
			if (line.text() == null) {
				this.y -= leading(size);
				continue;
			}
			float fitted = fit(line.text(), line.strong() ? this.bold : this.regular, size, width);
			float bottom = centeredIn(line.text(), line.strong(), fitted, x, width);
			if (line.ruled()) {
				float length = Math.min(width * 0.8f,
						width(clean(line.text(), this.bold), line.strong() ? this.bold : this.regular, fitted));
				rule(x + width / 2, bottom - 2, length * 0.6f);
			}
			this.y = bottom - (line.ruled() ? 4 : 0);
		}
		return this.y;
	}

	/**
	 * The largest size up to {@code size} at which the text fits the width on one line.
	 */
	private float fit(String text, PDType0Font font, float size, float width) {
		String clean = clean(text, font);
		float fitted = size;
		while (fitted > 7 && width(clean, font, fitted) > width) {
			fitted -= 0.5f;
		}
		return fitted;
	}

	/** A right-aligned line (the form's number at the top). */
	public void right(String text, boolean strong, float size) {
		PDType0Font font = strong ? this.bold : this.regular;
		String clean = clean(text, font);
		need(leading(size));
		this.y -= leading(size);
		try {
			write(clean, font, size, LEFT + this.width - width(clean, font, size), this.y + size * 0.3f);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// ------------------------------------------------------------------ tables

	/**
	 * A table with its header row (in bold, repeated on each page it flows onto); each
	 * cell wraps within its column; {@code shares} are the columns' parts of the width.
	 */
	public void table(float[] shares, List<String> header, List<List<String>> rows, float size) {
		float total = 0;
		for (float s : shares) {
			total += s;
		}
		float[] widths = new float[shares.length];
		for (int i = 0; i < shares.length; i++) {
			widths[i] = this.width * shares[i] / total;
		}
		Runnable head = () -> row(widths, header, size, true);
		need(leading(size) * 4);
		head.run();
		this.onNewPage.add(head);
		try {
			for (List<String> row : rows) {
				row(widths, row, size, false);
			}
		}
		finally {
			this.onNewPage.remove(head);
		}
	}

	private void row(float[] widths, List<String> cells, float size, boolean strong) {
		PDType0Font font = strong ? this.bold : this.regular;
		float pad = 3;
		List<List<String>> wrapped = new ArrayList<>();
		int lines = 1;
		for (int i = 0; i < widths.length; i++) {
			List<String> cell = wrap(i < cells.size() ? cells.get(i) : "", font, size, widths[i] - 2 * pad);
			wrapped.add(cell);
			lines = Math.max(lines, cell.size());
		}
		float height = lines * leading(size) + 2 * pad;
		if (height > this.page.getHeight() - TOP - BOTTOM - 4 * leading(size)) {
			// a row taller than a page is cut to what fits
			lines = (int) ((this.page.getHeight() - TOP - BOTTOM - 4 * leading(size) - 2 * pad) / leading(size));
			height = lines * leading(size) + 2 * pad;
		}
		need(height);
		float top = this.y;
		try {
			float x = LEFT;
			this.content.setLineWidth(0.5f);
			for (int i = 0; i < widths.length; i++) {
				this.content.addRect(x, top - height, widths[i], height);
				List<String> cell = wrapped.get(i);
				for (int l = 0; l < Math.min(lines, cell.size()); l++) {
					write(cell.get(l), font, size, x + pad, top - pad - (l + 1) * leading(size) + size * 0.3f);
				}
				x += widths[i];
			}
			this.content.stroke();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.y = top - height;
	}

	// ------------------------------------------------------------------ QR code

	/**
	 * A QR code of the text at the right margin, {@code side} points wide, with the
	 * {@code caption} lines at its left; drawn as vector squares (no image).
	 */
	public void qr(String text, float side, List<String> caption) {
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("cannot make a QR code of " + text, ex);
		}
		need(side + 8);
		float top = this.y - 4;
		float x0 = LEFT + this.width - side;
		float module = side / matrix.getWidth();
		try {
			for (int row = 0; row < matrix.getHeight(); row++) {
				for (int col = 0; col < matrix.getWidth(); col++) {
					if (matrix.get(col, row)) {
						this.content.addRect(x0 + col * module, top - (row + 1) * module, module, module);
					}
				}
			}
			this.content.fill();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		float keep = this.y;
		float size = 10;
		for (String line : caption) {
			for (String part : wrap(line, this.regular, size, this.width - side - 12)) {
				this.y -= leading(size);
				try {
					write(part, this.regular, size, LEFT, this.y + size * 0.3f);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		this.y = Math.min(this.y, keep - side - 8);
	}

	// ------------------------------------------------------------------ the document

	/** The document's bytes; the layout is closed after. */
	public byte[] bytes() {
		try {
			this.content.close();
			this.content = null;
			ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
			this.document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			close();
		}
	}

	@Override
	public void close() {
		try {
			if (this.content != null) {
				this.content.close();
				this.content = null;
			}
			this.document.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (this.fonts != null && this.lentBack.compareAndSet(false, true)) {
				PARSED.offer(this.fonts);
			}
		}
	}

	private final java.util.concurrent.atomic.AtomicBoolean lentBack = new java.util.concurrent.atomic.AtomicBoolean();

}
