package vn.motcua.bench;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import vn.motcua.calendar.core.CalendarFixture;
import vn.motcua.calendar.core.NaiveCalendar;
import vn.motcua.calendar.core.ProcessingTime;
import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.shared.WorkingHours;

/**
 * Due-time computations per second on one thread: the table-based {@link WorkingCalendar}
 * against a day-by-day walk ({@link NaiveCalendar}) over the same data, receipts spread
 * over 2023–2027, 1 to 30 working days.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = { "-Xms512m", "-Xmx512m" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CalendarBenchmark {

	private static final int N = 4096;

	private static final LocalTime CUTOFF = LocalTime.of(15, 0);

	private final Instant[] receipts = new Instant[N];

	private final ProcessingTime[] times = new ProcessingTime[N];

	private final int[] days = new int[N];

	private WorkingCalendar calendar;

	private NaiveCalendar naive;

	private int i;

	@Setup
	public void setUp() {
		this.calendar = CalendarFixture.vietnam();
		this.naive = new NaiveCalendar(WorkingHours.STANDARD, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
				CalendarFixture.builtIn()::year);
		Random random = new Random(42);
		Instant start = CalendarFixture.at("2023-01-01T00:00");
		for (int k = 0; k < N; k++) {
			this.receipts[k] = start.plusSeconds(random.nextInt(5 * 365 * 86_400));
			this.days[k] = 1 + random.nextInt(30);
			this.times[k] = ProcessingTime.workingDays(this.days[k]);
		}
	}

	@Benchmark
	public Instant tables() {
		int k = this.i++ & (N - 1);
		return this.calendar.dueAt(this.receipts[k], this.times[k], CUTOFF);
	}

	@Benchmark
	public Instant dayByDay() {
		int k = this.i++ & (N - 1);
		return this.naive.plusWorkingDays(this.receipts[k], this.days[k]);
	}

}
