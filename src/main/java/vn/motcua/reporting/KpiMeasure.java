package vn.motcua.reporting;

import java.util.function.ToLongFunction;

import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * A number of a KPI report that counts dossiers, by the name it has in the report
 * ({@code resolvedLate}), with the figure it is in {@link KpiFigures}: what
 * {@link KpiDossiers} lists the dossiers of.
 */
public enum KpiMeasure {

	RECEIVED("received", "Tiếp nhận", KpiFigures::received),
	RECEIVED_AT_COUNTER("receivedAtCounter", "Tiếp nhận trực tiếp", KpiFigures::receivedAtCounter),
	RECEIVED_BY_POST("receivedByPost", "Tiếp nhận qua bưu chính", KpiFigures::receivedByPost),
	RECEIVED_ONLINE("receivedOnline", "Tiếp nhận trực tuyến", KpiFigures::receivedOnline),
	CARRIED_OVER("carriedOver", "Kỳ trước chuyển sang", KpiFigures::carriedOver),
	RESOLVED("resolved", "Đã giải quyết", KpiFigures::resolved),
	RESOLVED_EARLY("resolvedEarly", "Giải quyết trước hạn", KpiFigures::resolvedEarly),
	RESOLVED_ON_TIME("resolvedOnTime", "Giải quyết đúng hạn", KpiFigures::resolvedOnTime),
	RESOLVED_LATE("resolvedLate", "Giải quyết quá hạn", KpiFigures::resolvedLate),
	REFUSED("refused", "Từ chối", KpiFigures::refused), STOPPED("stopped", "Dừng xử lý", KpiFigures::stopped),
	WITHDRAWN("withdrawn", "Rút hồ sơ", KpiFigures::withdrawn),
	IN_PROGRESS("inProgress", "Đang giải quyết cuối kỳ", KpiFigures::inProgress),
	IN_PROGRESS_IN_TIME("inProgressInTime", "Đang giải quyết, trong hạn", KpiFigures::inProgressInTime),
	OVERDUE("overdue", "Đang giải quyết, quá hạn", KpiFigures::overdue),
	SUPPLEMENT_REQUESTS("supplementRequests", "Yêu cầu bổ sung", KpiFigures::supplementRequests),
	APOLOGIES("apologies", "Xin lỗi, hẹn lại", KpiFigures::apologies);

	private final String key;

	private final String label;

	private final ToLongFunction<KpiFigures> figure;

	KpiMeasure(String key, String label, ToLongFunction<KpiFigures> figure) {
		this.key = key;
		this.label = label;
		this.figure = figure;
	}

	/** The name of the number in the report and in requests: {@code resolvedLate}. */
	public String key() {
		return this.key;
	}

	/** Its name in Vietnamese, for exports. */
	public String label() {
		return this.label;
	}

	/** The number of the figures this measure counts. */
	public long of(KpiFigures figures) {
		return this.figure.applyAsLong(figures);
	}

	/** The measure named in a request ({@code measure=resolvedLate}). */
	public static KpiMeasure parse(String name) {
		if (name != null) {
			for (KpiMeasure m : values()) {
				if (m.key.equalsIgnoreCase(name.strip()) || m.name().equalsIgnoreCase(name.strip())) {
					return m;
				}
			}
		}
		throw Problem.invalid(ProblemCode.INVALID_PARAMETER, "measure",
				"one of received, receivedAtCounter, receivedByPost, receivedOnline, carriedOver, resolved,"
						+ " resolvedEarly, resolvedOnTime, resolvedLate, refused, stopped, withdrawn, inProgress,"
						+ " inProgressInTime, overdue, supplementRequests, apologies");
	}

}
