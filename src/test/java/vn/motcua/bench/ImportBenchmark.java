package vn.motcua.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.ImportFormat;
import vn.motcua.catalog.ImportResult;
import vn.motcua.org.NewUnit;
import vn.motcua.org.UnitLevel;
import vn.motcua.org.Units;

/**
 * Wall time of importing a file of 2,000 new procedures (JSON, then CSV) into an empty
 * unit through the application's own import (parse, check every row, write in one
 * transaction), on a fresh database. The procedures are the 184 of the demo catalog,
 * repeated under new codes.
 */
final class ImportBenchmark {

	static final int PROCEDURES = 2_000;

	static final int RUNS = 7;

	private ImportBenchmark() {
	}

	static void run(String db) {
		try (ConfigurableApplicationContext context = BenchApplication.start(db, false)) {
			Units units = context.getBean(Units.class);
			Catalog catalog = context.getBean(Catalog.class);
			byte[] json = twoThousand();
			province(units, "B00");
			catalog.importFile("B00", ImportFormat.JSON, json, null);
			byte[] csv = catalog.export("B00", ImportFormat.CSV);
			int unit = 1;
			for (ImportFormat format : ImportFormat.values()) {
				byte[] file = format == ImportFormat.JSON ? json : csv;
				List<Double> millis = new ArrayList<>();
				for (int run = 0; run < RUNS; run++) {
					String code = String.format("B%02d", unit++);
					province(units, code);
					long start = System.nanoTime();
					ImportResult result = catalog.importFile(code, format, file, null);
					millis.add((System.nanoTime() - start) / 1e6);
					if (result.created() != PROCEDURES) {
						throw new IllegalStateException("expected " + PROCEDURES + " new procedures: " + result);
					}
				}
				Collections.sort(millis);
				System.out.printf(
						"import %d procedures as %s on %s: median %.0f ms, best %.0f ms, worst %.0f ms (%d runs, file %d KiB)%n",
						PROCEDURES, format, db, millis.get(RUNS / 2), millis.get(0), millis.get(RUNS - 1), RUNS,
						file.length / 1024);
			}
		}
	}

	private static void province(Units units, String code) {
		units.register(new NewUnit(code, null, "Tỉnh đo " + code, UnitLevel.PROVINCE, null, null, null, null, null,
				null, null));
	}

	/**
	 * The demo catalog's procedures as JSON import objects, repeated under new codes up
	 * to 2,000.
	 */
	private static byte[] twoThousand() {
		JsonMapper mapper = JsonMapper.builder().build();
		ArrayNode demo = demoAsJson(mapper);
		ArrayNode out = mapper.createArrayNode();
		for (int n = 0; n < PROCEDURES; n++) {
			ObjectNode copy = ((ObjectNode) demo.get(n % demo.size())).deepCopy();
			copy.put("code", String.format("1.%06d", 500000 + n));
			out.add(copy);
		}
		return mapper.writeValueAsBytes(out);
	}

	/**
	 * Reads the demo CSV's header and rows into JSON objects of the import format (only
	 * what the format needs).
	 */
	private static ArrayNode demoAsJson(JsonMapper mapper) {
		try (InputStream in = ImportBenchmark.class.getResourceAsStream("/demo/catalog-quang-cu.csv")) {
			var records = org.apache.commons.csv.CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
			ArrayNode array = mapper.createArrayNode();
			for (var r : records) {
				ObjectNode o = array.addObject();
				for (String f : List.of("code", "name", "field", "level", "agency", "onlineLevel", "resultName")) {
					o.put(f, r.get(f));
				}
				o.putObject("statutoryTime")
					.put("amount", Integer.parseInt(r.get("statutoryAmount")))
					.put("unit", r.get("statutoryUnit"));
				o.putObject("committedTime")
					.put("amount", Integer.parseInt(r.get("committedAmount")))
					.put("unit", r.get("committedUnit"));
				ArrayNode components = o.putArray("components");
				r.get("components").lines().forEach(line -> {
					String[] p = line.split("\\|", -1);
					components.addObject()
						.put("name", p[0].strip())
						.put("originals", Integer.parseInt(p[1].strip()))
						.put("copies", Integer.parseInt(p[2].strip()))
						.put("mandatory", p[3].strip().equals("yes"));
				});
				ArrayNode steps = o.putArray("steps");
				r.get("steps").lines().forEach(line -> {
					String[] p = line.split("\\|", -1);
					steps.addObject()
						.put("name", p[0].strip())
						.put("role", p[1].strip())
						.put("hours", Double.parseDouble(p[2].strip()));
				});
				ArrayNode legal = o.putArray("legalBasis");
				r.get("legalBasis").lines().forEach(legal::add);
			}
			return array;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
