package vn.motcua.demo;

import org.springframework.context.ApplicationContext;

import vn.motcua.calendar.Calendars;
import vn.motcua.catalog.Catalog;
import vn.motcua.history.HistoryImports;
import vn.motcua.org.Units;

/**
 * A demo ward's history file of the size a benchmark asks for, made by the demo's own
 * {@link DemoHistory} (package-private, hence this class in its package, on the test
 * class path only): JSON Lines, one dossier a line, received 2023-01-01 to 2024-09-30.
 */
public final class BenchHistoryFile {

	private BenchHistoryFile() {
	}

	/**
	 * About {@code resolved} dossiers resolved in the period (and the few received in it
	 * and resolved after it), one in 200 late, at the demo ward Quảng Cư.
	 */
	public static byte[] quangCu(ApplicationContext context, int resolved, long seed) {
		DemoHistory history = new DemoHistory(context.getBean(Catalog.class), context.getBean(Calendars.class),
				context.getBean(Units.class), context.getBean(HistoryImports.class));
		return history.file(new DemoHistory.Ward(DemoData.QUANG_CU, "quangcu", resolved, resolved / 200, seed));
	}

}
