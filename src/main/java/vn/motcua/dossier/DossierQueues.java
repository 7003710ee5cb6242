package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.Queue;
import vn.motcua.org.Actor;
import vn.motcua.org.Role;
import vn.motcua.org.Unit;
import vn.motcua.org.UnitLevel;
import vn.motcua.org.Units;
import vn.motcua.shared.Page;

/**
 * An officer's work queues ({@link Queue}): each with its first dossiers, most urgent
 * first, and how many it holds; a dossier in one queue only. A supervisor's: the overdue
 * dossiers of each ward or commune below their unit.
 */
@Service
public class DossierQueues {

	/**
	 * A queue's first dossiers and how many it holds; {@code unitName} for a supervisor's
	 * (whose queues are per ward).
	 */
	public record QueuePage(String key, Page<DossierSummary> page, String unitCode, String unitName) {
	}

	private final DossierQueries queries;

	private final Units units;

	private final Clock clock;

	DossierQueues(DossierQueries queries, Units units, Clock clock) {
		this.queries = queries;
		this.units = units;
		this.clock = clock;
	}

	/** The actor's queues, each with its first {@code size} dossiers. */
	@Transactional(readOnly = true)
	public List<QueuePage> of(Actor actor, int size) {
		Instant now = this.clock.instant();
		List<QueuePage> pages = new ArrayList<>();
		if (actor.unitCode() == null) {
			return pages;
		}
		if (actor.roles().contains(Role.SUPERVISOR)) {
			for (Unit ward : this.units.descendants(actor.unitCode())) {
				if (ward.level() == UnitLevel.WARD || ward.level() == UnitLevel.COMMUNE) {
					DossierQueries.Query overdue = new DossierQueries.Query(ward.code(), null, true, false, null, null,
							null, 0, size);
					pages.add(new QueuePage(Queue.OVERDUE.key(), this.queries.search(actor, overdue), ward.code(),
							ward.name()));
				}
			}
			return pages;
		}
		Unit unit = this.units.get("unit", actor.unitCode());
		FullNames names = this.queries.namesAt(unit.code());
		List<Queue> queues = Queue.of(actor.roles());
		for (Queue queue : queues) {
			DossierQueries.Query query = query(queue, actor, unit.code(), size);
			DossierLists.Filter filter = this.queries.filter(unit, query, queue.statusesBefore(queues),
					queue.leavesOutMine(queues) ? actor.username() : null, now);
			pages.add(new QueuePage(queue.key(), this.queries.list(filter, now, names), unit.code(), null));
		}
		return pages;
	}

	private static DossierQueries.Query query(Queue queue, Actor actor, String unit, int size) {
		DossierStatus status = queue.status();
		return switch (queue) {
			case MINE -> new DossierQueries.Query(unit, null, null, false, actor.username(), null, null, 0, size);
			case OVERDUE -> new DossierQueries.Query(unit, null, true, false, null, null, null, 0, size);
			case DUE_SOON -> new DossierQueries.Query(unit, null, null, true, null, null, null, 0, size);
			default -> new DossierQueries.Query(unit, status, null, false, null, null, null, 0, size);
		};
	}

}
