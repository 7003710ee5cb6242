package vn.motcua.dossier;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The dossiers this instance wrote last, each at the version it wrote, so that an officer
 * who acts on the version they were shown (the workspace sends it with every action) is
 * served without reading the dossier again. A version is written once, by one
 * transaction, so the state kept for a version is the state stored for it, whichever
 * instance asks; a dossier changed since (here or by another instance) has a higher
 * version, the request's version then no longer matches the stored one and the action
 * gets its 409 from the optimistic lock, as it would have without this. Kept only after
 * the writing transaction commits; the least recently used go first (ADR 11).
 */
@Component
class RecentDossiers {

	static final int CAPACITY = 4_096;

	private final Map<String, Dossier.State> byCode = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Dossier.State> eldest) {
			return size() > CAPACITY;
		}
	};

	/** The dossier at this version, if this instance wrote that version lately. */
	Dossier at(String code, Integer version) {
		if (version == null) {
			return null;
		}
		Dossier.State state;
		synchronized (this.byCode) {
			state = this.byCode.get(code);
		}
		if (state == null || state.version() != version) {
			return null;
		}
		return new Dossier(new Dossier(state).snapshot());
	}

	/** Keeps the dossier as just written, once the current transaction commits. */
	void written(Dossier dossier) {
		Dossier.State state = dossier.snapshot();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				synchronized (RecentDossiers.this.byCode) {
					Dossier.State kept = RecentDossiers.this.byCode.get(state.code());
					if (kept == null || kept.version() < state.version()) {
						RecentDossiers.this.byCode.put(state.code(), state);
					}
				}
			}
		});
	}

}
