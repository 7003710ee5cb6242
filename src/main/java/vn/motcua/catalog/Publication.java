package vn.motcua.catalog;

import java.time.LocalDate;

import vn.motcua.catalog.core.PublicationChannel;

/** A procedure posted on a channel from a date. */
public record Publication(PublicationChannel channel, LocalDate publishedOn) {
}
