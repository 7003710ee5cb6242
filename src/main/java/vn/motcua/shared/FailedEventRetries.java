package vn.motcua.shared;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again, every few minutes, the events whose listener failed (a KPI count that
 * met a deadlock five times, a rating whose dossier was not counted yet), instead of only
 * at the next restart. Only publications marked failed are resubmitted, never one still
 * being delivered; every listener is idempotent, so one delivered twice changes nothing.
 */
@Component
class FailedEventRetries {

	private final FailedEventPublications failed;

	private final Duration minAge;

	FailedEventRetries(FailedEventPublications failed, @Value("${motcua.events.retry-after:PT1M}") Duration minAge) {
		this.failed = failed;
		this.minAge = minAge;
	}

	@Scheduled(fixedDelayString = "${motcua.events.retry-every:PT5M}",
			initialDelayString = "${motcua.events.retry-every:PT5M}")
	void retry() {
		this.failed.resubmit(ResubmissionOptions.defaults().withMinAge(this.minAge).withBatchSize(500));
	}

}
