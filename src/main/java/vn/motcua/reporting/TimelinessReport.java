package vn.motcua.reporting;

import java.time.Instant;

/**
 * A unit's dossiers in a period: received, resolved (result issued, refused, stopped or
 * withdrawn) and how the resolved ones did. {@code onTimePercent} counts early and on
 * time, as the seed report does ("đúng hạn và trước hạn").
 */
public record TimelinessReport(String unitCode, Instant from, Instant to, long received, long resolved, long early,
		long onTime, long late, Double onTimePercent, Double latePercent) {
}
