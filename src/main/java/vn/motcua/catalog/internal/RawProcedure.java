package vn.motcua.catalog.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A procedure as read from an import file, before any value is checked: scalar values as
 * text by field name, and the lists as rows of named parts. JSON and CSV both read into
 * this, so that one builder turns either into a procedure with the same messages.
 */
final class RawProcedure {

	final int line;

	final Map<String, String> values = new HashMap<>();

	final Map<String, List<Map<String, String>>> lists = new HashMap<>();

	final List<String> applicantTypes = new ArrayList<>();

	final List<String> legalBasis = new ArrayList<>();

	RawProcedure(int line) {
		this.line = line;
	}

	static final String[] COMPONENT_PARTS = { "name", "originals", "copies", "mandatory", "template" };

	static final String[] FEE_PARTS = { "name", "amount", "note", "kind", "exemptionBasis", "exemptGroups" };

	static final String[] STEP_PARTS = { "name", "role", "hours" };

	/** The parts of each list, in the order a CSV cell gives them. */
	static final Map<String, String[]> LIST_PARTS = Map.of("components", COMPONENT_PARTS, "fees", FEE_PARTS, "steps",
			STEP_PARTS);

}
