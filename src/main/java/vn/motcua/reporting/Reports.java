package vn.motcua.reporting;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.org.Units;
import vn.motcua.reporting.internal.DossierFacts;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/** Figures of a unit from the reporting read model. */
@Service
public class Reports {

	private final DossierFacts facts;

	private final Units units;

	Reports(DossierFacts facts, Units units) {
		this.facts = facts;
		this.units = units;
	}

	/**
	 * Received in [from, to) and resolved in [from, to), with the resolved ones'
	 * timeliness.
	 */
	@Transactional(readOnly = true)
	public TimelinessReport timeliness(String unitCode, Instant from, Instant to) {
		this.units.get("unit", unitCode);
		if (from == null || to == null || !to.isAfter(from)) {
			throw Problem.invalid(ProblemCode.INVALID_PARAMETER, "to", "the period needs from and a later to");
		}
		DossierFacts.Counts c = this.facts.counts(unitCode, from, to);
		long resolved = c.resolved();
		Double onTime = resolved == 0 ? null : Math.round((c.early() + c.onTime()) * 10000.0 / resolved) / 100.0;
		Double late = resolved == 0 ? null : Math.round(c.late() * 10000.0 / resolved) / 100.0;
		return new TimelinessReport(unitCode, from, to, c.received(), resolved, c.early(), c.onTime(), c.late(), onTime,
				late);
	}

}
