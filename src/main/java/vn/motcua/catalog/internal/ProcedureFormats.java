package vn.motcua.catalog.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.core.ProcessingTime;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Publication;
import vn.motcua.catalog.core.ApplicantType;
import vn.motcua.catalog.core.FeeKind;
import vn.motcua.catalog.core.FeeStage;
import vn.motcua.catalog.core.ImplementingLevel;
import vn.motcua.catalog.core.OnlineLevel;
import vn.motcua.catalog.core.ProcedureContent;
import vn.motcua.catalog.core.PublicationChannel;
import vn.motcua.shared.Problem.Violation;

/**
 * Reads and writes catalog files. JSON: an array of procedure objects, the fields named
 * as in {@link Document}. CSV: one row per procedure with the columns of
 * {@link #CSV_COLUMNS}; a list cell holds one item per line, the parts of an item
 * separated by {@code |} (components: name | originals | copies | mandatory | template;
 * fees: name | amount | note | kind | exemption basis | exempted groups separated by
 * {@code ;}, the last three optional, as catalogs before kinds had them: FIXED; steps:
 * name | role | hours).
 */
final class ProcedureFormats {

	static final List<String> CSV_COLUMNS = List.of("code", "name", "field", "level", "agency", "applicantTypes",
			"statutoryAmount", "statutoryUnit", "committedAmount", "committedUnit", "sameDayCutoff", "onlineLevel",
			"resultDocument", "resultName", "components", "fees", "steps", "legalBasis", "effectiveFrom",
			"postedAtCounter", "postedOnPortal", "feeStage");

	private static final Set<String> JSON_SCALARS = Set.of("code", "name", "field", "level", "agency", "sameDayCutoff",
			"onlineLevel", "resultDocument", "resultName", "effectiveFrom", "feeStage");

	private static final Set<String> JSON_FIELDS = Set.of("code", "name", "field", "level", "agency", "applicantTypes",
			"statutoryTime", "committedTime", "sameDayCutoff", "components", "fees", "steps", "resultDocument",
			"resultName", "legalBasis", "onlineLevel", "effectiveFrom", "publications", "feeStage");

	/** The JSON shape of one procedure. */
	record Document(String code, String name, String field, ImplementingLevel level, String agency,
			List<ApplicantType> applicantTypes, ProcessingTime statutoryTime, ProcessingTime committedTime,
			LocalTime sameDayCutoff, List<ProcedureContent.Component> components, List<ProcedureContent.Fee> fees,
			List<ProcedureContent.Step> steps, boolean resultDocument, String resultName, List<String> legalBasis,
			OnlineLevel onlineLevel, LocalDate effectiveFrom, List<Publication> publications, FeeStage feeStage) {

		static Document of(Procedure p) {
			ProcedureContent c = p.content();
			return new Document(c.code(), c.name(), c.field(), c.level(), c.agency(), c.applicantTypes(),
					c.statutoryTime(), c.committedTime(), c.sameDayCutoff(), c.components(), c.fees(), c.steps(),
					c.resultDocument(), c.resultName(), c.legalBasis(), c.onlineLevel(), p.effectiveFrom(),
					p.publications(), c.feeStage());
		}

	}

	private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	// ---------------------------------------------------------------- reading

	/**
	 * Decodes UTF-8 (with or without a byte-order mark), noting a file that is not UTF-8.
	 */
	static String utf8(byte[] bytes, List<Violation> errors) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			errors.add(Violation.atLine(1, "file", "is not UTF-8 text; save it as UTF-8"));
			return null;
		}
	}

	List<RawProcedure> readJson(byte[] bytes, List<Violation> errors) {
		List<RawProcedure> rows = new ArrayList<>();
		String text = utf8(bytes, errors);
		if (text == null) {
			return rows;
		}
		try (JsonParser parser = this.json.createParser(text)) {
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				errors.add(Violation.atLine(1, "file", "must hold a JSON array of procedures"));
				return rows;
			}
			JsonToken token;
			while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
				int line = parser.currentTokenLocation().getLineNr();
				if (token != JsonToken.START_OBJECT) {
					errors.add(Violation.atLine(line, "file", "each element must be a procedure object"));
					parser.skipChildren();
					continue;
				}
				JsonNode node = parser.readValueAsTree();
				rows.add(fromJson(line, node, errors));
			}
		}
		catch (JacksonException ex) {
			int line = ex.getLocation() != null ? ex.getLocation().getLineNr() : 1;
			errors.add(Violation.atLine(line, "file", "is not valid JSON: " + ex.getOriginalMessage()));
		}
		return rows;
	}

	private static RawProcedure fromJson(int line, JsonNode node, List<Violation> errors) {
		RawProcedure raw = new RawProcedure(line);
		for (String name : node.propertyNames()) {
			if (!JSON_FIELDS.contains(name)) {
				errors.add(Violation.atLine(line, name, "is not a field of a procedure"));
			}
		}
		for (String name : JSON_SCALARS) {
			scalar(node.get(name), name, line, errors).ifPresent(v -> raw.values.put(name, v));
		}
		for (String prefix : List.of("statutory", "committed")) {
			JsonNode time = node.get(prefix + "Time");
			if (time != null && !time.isNull()) {
				if (!time.isObject()) {
					errors.add(Violation.atLine(line, prefix + "Time",
							"must be an object {\"amount\": 3, \"unit\": \"WORKING_DAYS\"}"));
				}
				else {
					scalar(time.get("amount"), prefix + "Time.amount", line, errors)
						.ifPresent(v -> raw.values.put(prefix + "Amount", v));
					scalar(time.get("unit"), prefix + "Time.unit", line, errors)
						.ifPresent(v -> raw.values.put(prefix + "Unit", v));
				}
			}
		}
		for (Map.Entry<String, String[]> list : RawProcedure.LIST_PARTS.entrySet()) {
			JsonNode items = node.get(list.getKey());
			if (items == null || items.isNull()) {
				continue;
			}
			if (!items.isArray()) {
				errors.add(Violation.atLine(line, list.getKey(), "must be an array"));
				continue;
			}
			List<Map<String, String>> parts = new ArrayList<>();
			for (int i = 0; i < items.size(); i++) {
				JsonNode item = items.get(i);
				Map<String, String> values = new HashMap<>();
				if (!item.isObject()) {
					errors.add(Violation.atLine(line, list.getKey() + "[" + i + "]", "must be an object"));
					continue;
				}
				for (String part : list.getValue()) {
					JsonNode value = item.get(part);
					if (value != null && value.isArray()) {
						// a fee's exempted groups: a list, kept as the CSV cell keeps it
						List<String> texts = new ArrayList<>();
						strings(value, list.getKey() + "[" + i + "]." + part, line, errors, texts);
						values.put(part, String.join(";", texts));
						continue;
					}
					scalar(item.get(part), list.getKey() + "[" + i + "]." + part, line, errors)
						.ifPresent(v -> values.put(part, v));
				}
				parts.add(values);
			}
			raw.lists.put(list.getKey(), parts);
		}
		strings(node.get("applicantTypes"), "applicantTypes", line, errors, raw.applicantTypes);
		strings(node.get("legalBasis"), "legalBasis", line, errors, raw.legalBasis);
		JsonNode publications = node.get("publications");
		if (publications != null && !publications.isNull()) {
			if (!publications.isArray()) {
				errors.add(Violation.atLine(line, "publications", "must be an array"));
			}
			else {
				for (int i = 0; i < publications.size(); i++) {
					JsonNode p = publications.get(i);
					String channel = p.isObject()
							? scalar(p.get("channel"), "publications[" + i + "].channel", line, errors).orElse("") : "";
					String key = switch (channel.toUpperCase(java.util.Locale.ROOT)) {
						case "COUNTER" -> "postedAtCounter";
						case "PORTAL" -> "postedOnPortal";
						default -> null;
					};
					if (key == null) {
						errors.add(
								Violation.atLine(line, "publications[" + i + "].channel", "must be COUNTER or PORTAL"));
						continue;
					}
					scalar(p.get("publishedOn"), "publications[" + i + "].publishedOn", line, errors)
						.ifPresent(v -> raw.values.put(key, v));
				}
			}
		}
		return raw;
	}

	private static java.util.Optional<String> scalar(JsonNode node, String field, int line, List<Violation> errors) {
		if (node == null || node.isNull()) {
			return java.util.Optional.empty();
		}
		if (!node.isValueNode()) {
			errors.add(Violation.atLine(line, field, "must be a single value"));
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(node.asString());
	}

	private static void strings(JsonNode node, String field, int line, List<Violation> errors, List<String> into) {
		if (node == null || node.isNull()) {
			return;
		}
		if (node.isValueNode()) {
			into.add(node.asString());
			return;
		}
		if (!node.isArray()) {
			errors.add(Violation.atLine(line, field, "must be an array of text"));
			return;
		}
		for (int i = 0; i < node.size(); i++) {
			scalar(node.get(i), field + "[" + i + "]", line, errors).ifPresent(into::add);
		}
	}

	List<RawProcedure> readCsv(byte[] bytes, List<Violation> errors) {
		List<RawProcedure> rows = new ArrayList<>();
		String text = utf8(bytes, errors);
		if (text == null) {
			return rows;
		}
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			List<String> header = parser.getHeaderNames();
			List<String> unknown = header.stream().filter(h -> !CSV_COLUMNS.contains(h)).toList();
			for (String column : unknown) {
				errors
					.add(Violation.atLine(1, column, "is not a column of the catalog; the columns are " + CSV_COLUMNS));
			}
			for (String required : List.of("code", "name", "field")) {
				if (!header.contains(required)) {
					errors.add(Violation.atLine(1, required, "the column is missing"));
				}
			}
			if (!errors.isEmpty()) {
				return rows;
			}
			// a record starts on the line after the one the previous record ended on
			// (cells may span lines)
			long previousEnd = parser.getCurrentLineNumber();
			for (CSVRecord record : parser) {
				int line = (int) previousEnd + 1;
				previousEnd = parser.getCurrentLineNumber();
				RawProcedure raw = new RawProcedure(line);
				if (record.size() != header.size()) {
					errors.add(Violation.atLine(line, "row",
							"has " + record.size() + " cells, the header has " + header.size()));
					continue;
				}
				for (String column : header) {
					String value = record.get(column);
					if (value == null || value.isEmpty()) {
						continue;
					}
					if (RawProcedure.LIST_PARTS.containsKey(column)) {
						raw.lists.put(column, listCell(value, RawProcedure.LIST_PARTS.get(column)));
					}
					else if (column.equals("applicantTypes")) {
						Arrays.stream(value.split(","))
							.map(String::strip)
							.filter(s -> !s.isEmpty())
							.forEach(raw.applicantTypes::add);
					}
					else if (column.equals("legalBasis")) {
						value.lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(raw.legalBasis::add);
					}
					else {
						raw.values.put(column, value);
					}
				}
				rows.add(raw);
			}
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
			errors.add(Violation.atLine(1, "file", "is not valid CSV: " + ex.getMessage()));
		}
		return rows;
	}

	private static List<Map<String, String>> listCell(String cell, String[] parts) {
		List<Map<String, String>> items = new ArrayList<>();
		for (String line : cell.lines().map(String::strip).filter(s -> !s.isEmpty()).toList()) {
			String[] values = line.split("\\|", -1);
			Map<String, String> item = new HashMap<>();
			for (int i = 0; i < parts.length && i < values.length; i++) {
				item.put(parts[i], values[i].strip());
			}
			if (values.length > parts.length) {
				item.put(parts[parts.length - 1],
						String.join("|", Arrays.copyOfRange(values, parts.length - 1, values.length)).strip());
			}
			items.add(item);
		}
		return items;
	}

	// ---------------------------------------------------------------- writing

	byte[] writeJson(List<Procedure> procedures) {
		return this.json.writeValueAsBytes(procedures.stream().map(Document::of).toList());
	}

	byte[] writeCsv(List<Procedure> procedures) {
		StringWriter out = new StringWriter();
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(CSV_COLUMNS.toArray(String[]::new)).get();
		try (CSVPrinter printer = new CSVPrinter(out, format)) {
			for (Procedure p : procedures) {
				ProcedureContent c = p.content();
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("code", c.code());
				row.put("name", c.name());
				row.put("field", c.field());
				row.put("level", c.level());
				row.put("agency", c.agency());
				row.put("applicantTypes",
						c.applicantTypes().stream().map(Enum::name).collect(Collectors.joining(", ")));
				row.put("statutoryAmount", c.statutoryTime().amount());
				row.put("statutoryUnit", c.statutoryTime().unit());
				row.put("committedAmount", c.committedTime().amount());
				row.put("committedUnit", c.committedTime().unit());
				row.put("sameDayCutoff", c.sameDayCutoff());
				row.put("onlineLevel", c.onlineLevel());
				row.put("resultDocument", c.resultDocument() ? "yes" : "no");
				row.put("resultName", c.resultName());
				row.put("components", c.components()
					.stream()
					.map(x -> String.join(" | ", x.name(), String.valueOf(x.originals()), String.valueOf(x.copies()),
							x.mandatory() ? "yes" : "no", x.template() == null ? "" : x.template()))
					.collect(Collectors.joining("\n")));
				row.put("fees", c.fees()
					.stream()
					.map(x -> x.kind() == FeeKind.FIXED && x.exemptGroups().isEmpty() && x.exemptionBasis() == null
							? String.join(" | ", x.name(), String.valueOf(x.amount()), x.note() == null ? "" : x.note())
							: String.join(" | ", x.name(), String.valueOf(x.amount()), x.note() == null ? "" : x.note(),
									x.kind().name(), x.exemptionBasis() == null ? "" : x.exemptionBasis(),
									String.join("; ", x.exemptGroups())))
					.collect(Collectors.joining("\n")));
				row.put("steps",
						c.steps()
							.stream()
							.map(x -> String.join(" | ", x.name(), x.role().name(), hours(x.hours())))
							.collect(Collectors.joining("\n")));
				row.put("legalBasis", String.join("\n", c.legalBasis()));
				row.put("effectiveFrom", p.effectiveFrom());
				row.put("postedAtCounter", published(p, PublicationChannel.COUNTER));
				row.put("postedOnPortal", published(p, PublicationChannel.PORTAL));
				row.put("feeStage", c.feeStage());
				printer.printRecord(row.values());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String hours(double hours) {
		return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
	}

	private static LocalDate published(Procedure p, PublicationChannel channel) {
		return p.publications()
			.stream()
			.filter(x -> x.channel() == channel)
			.map(Publication::publishedOn)
			.findFirst()
			.orElse(null);
	}

}
