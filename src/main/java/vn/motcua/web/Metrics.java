package vn.motcua.web;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.DossierReceived;
import vn.motcua.dossier.DossierStatusChanged;

/**
 * What the one-stop shop does, as Micrometer meters for Prometheus
 * ({@code /actuator/prometheus}, ADR 26): dossiers received (by channel) and actions
 * taken (by action), counted as their events are published; the event publication
 * registry's lag (publications not completed yet, and the age of the oldest), read from
 * the database at each scrape. Look-ups ({@code motcua.lookups}), sign-in failures
 * ({@code motcua.signin.failures}) and working calendars resolved for due-time
 * computations ({@code motcua.calendars}) are counted where they happen; HTTP timings
 * come with Spring ({@code http.server.requests}).
 */
@Component
class Metrics {

	private final MeterRegistry meters;

	Metrics(MeterRegistry meters, JdbcClient jdbc, Clock clock) {
		this.meters = meters;
		Gauge
			.builder("motcua.events.pending", jdbc,
					j -> safely(() -> j.sql("select count(*) from event_publication where completion_date is null")
						.query(Long.class)
						.single()))
			.description("Event publications not completed yet (listeners still to run or to retry)")
			.register(meters);
		Gauge
			.builder("motcua.events.oldest.pending.seconds", jdbc,
					j -> safely(() -> j
						.sql("select min(publication_date) from event_publication where completion_date is null")
						.query(OffsetDateTime.class)
						.optional()
						.map(oldest -> Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0)
						.orElse(0.0)))
			.description("Age of the oldest event publication not completed yet")
			.baseUnit("seconds")
			.register(meters);
	}

	private static double safely(java.util.function.Supplier<? extends Number> read) {
		try {
			Number n = read.get();
			return n == null ? 0 : n.doubleValue();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	@EventListener
	void received(DossierReceived event) {
		this.meters.counter("motcua.dossiers.received", "channel", event.channel().name()).increment();
	}

	@EventListener
	void acted(DossierStatusChanged event) {
		this.meters.counter("motcua.dossiers.actions", "action", event.action().name()).increment();
	}

}
