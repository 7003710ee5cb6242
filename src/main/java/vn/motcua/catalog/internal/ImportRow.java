package vn.motcua.catalog.internal;

import java.time.LocalDate;
import java.util.Map;

import vn.motcua.catalog.core.ProcedureContent;
import vn.motcua.catalog.core.PublicationChannel;

/**
 * A checked row of an import file. {@code effectiveFrom} is null where the file leaves it
 * to the request.
 */
record ImportRow(int line, ProcedureContent content, LocalDate effectiveFrom,
		Map<PublicationChannel, LocalDate> publications) {
}
