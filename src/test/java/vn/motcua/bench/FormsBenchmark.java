package vn.motcua.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

import vn.motcua.dossier.DossierSummary;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.Timeliness;
import vn.motcua.forms.FormFixture;
import vn.motcua.forms.FormKind;
import vn.motcua.forms.FormPdfs;
import vn.motcua.forms.FormSets;

/**
 * Standard forms made as PDF per second on one thread of a JVM told it has one processor
 * (ADR 33): the receipt (Form 01, one page, with its QR code and three components), the
 * control slip of a dossier with 12 hand-overs (Form 06, two pages), and a month's
 * register of 500 dossiers (Form 07, about 25 landscape pages). Each PDF is whole: fonts
 * loaded and subset, saved to bytes. The signing module adds signing per second beside
 * these.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = { "-Xms512m", "-Xmx512m", "-XX:ActiveProcessorCount=1" })
@Warmup(iterations = 6, time = 5)
@Measurement(iterations = 5, time = 5)
public class FormsBenchmark {

	private final FormSets sets = FormSets.bundled();

	private FormSets.Form receipt;

	private FormSets.Form control;

	private FormSets.Form register;

	private DossierView dossier;

	private DossierView handedOver;

	private final List<DossierSummary> month = new ArrayList<>();

	private final Instant at = FormFixture.vn("2026-12-01T09:00");

	@Setup
	public void setUp() {
		FormSets.FormSet set = this.sets.on(LocalDate.of(2026, 12, 1));
		this.receipt = set.form(FormKind.RECEIPT).orElseThrow();
		this.control = set.form(FormKind.CONTROL_SLIP).orElseThrow();
		this.register = set.form(FormKind.REGISTER).orElseThrow();
		this.dossier = FormFixture.aDossier("H56.15.40-261201-0001", this.at, 3, 2);
		this.handedOver = FormFixture.aDossier("H56.15.40-261201-0002", this.at, 3, 12);
		for (int i = 1; i <= 500; i++) {
			this.month.add(new DossierSummary("H56.15.40-261201-" + String.format("%04d", i), "1.001193",
					"Đăng ký khai sinh", "Hoàng Thị Ngọc Ánh " + i,
					i % 3 == 0 ? DossierStatus.IN_PROCESSING : DossierStatus.RETURNED, this.at,
					this.at.plusSeconds(8 * 3600), false, 0, i % 3 == 0 ? null : Timeliness.ON_TIME, null, null));
		}
	}

	@Benchmark
	public byte[] receipt() {
		return FormPdfs.receipt(this.receipt, FormFixture.QUANG_CU, this.dossier, this.dossier.code(), "Trần Văn Đức",
				"https://motcua.example.vn/tra-cuu?code=" + this.dossier.code());
	}

	@Benchmark
	public byte[] controlSlip() {
		return FormPdfs.controlSlip(this.control, FormFixture.QUANG_CU, this.handedOver, "X/KSQT", this.at);
	}

	@Benchmark
	public byte[] register500() {
		return FormPdfs.register(this.register, FormFixture.QUANG_CU, LocalDate.of(2026, 11, 1),
				LocalDate.of(2026, 11, 30), this.month, "2026/STD", this.at);
	}

}
