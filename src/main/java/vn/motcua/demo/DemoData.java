package vn.motcua.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.calendar.Calendars;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.ImportFormat;
import vn.motcua.history.HistoryImports;
import vn.motcua.org.NewUnit;
import vn.motcua.org.Officers;
import vn.motcua.org.Role;
import vn.motcua.org.UnitLevel;
import vn.motcua.org.Units;

/**
 * Loads the demo ward on an empty database when {@code motcua.demo.enabled} is true (the
 * embedded default; off in production). Unit codes are illustrative, shaped like Decision
 * 20/2020 codes under H56 (Thanh Hóa). The catalog is the seed report's: 184 procedures,
 * 125 posted, times cut by at least 30 %.
 */
@Component
@ConditionalOnProperty(name = "motcua.demo.enabled", havingValue = "true")
class DemoData implements SmartInitializingSingleton {

	static final String PROVINCE = "H56";

	static final String CITY = "H56.15";

	static final String QUANG_CU = "H56.15.40";

	static final String TRUNG_SON = "H56.15.41";

	static final String BAC_SON = "H56.15.42";

	static final String CATALOG = "/demo/catalog-quang-cu.csv";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final Units units;

	private final Catalog catalog;

	private final TransactionTemplate transaction;

	private final Officers officers;

	private final PasswordEncoder passwords;

	/** The password of every demo account. */
	static final String DEMO_PASSWORD = "motcua-demo";

	private final DemoHistory history;

	private final boolean withHistory;

	DemoData(Units units, Catalog catalog, TransactionTemplate transaction, Officers officers,
			PasswordEncoder passwords, Calendars calendars, HistoryImports imports,
			@Value("${motcua.demo.history:true}") boolean withHistory) {
		this.history = new DemoHistory(catalog, calendars, units, imports);
		this.withHistory = withHistory;
		this.units = units;
		this.catalog = catalog;
		this.transaction = transaction;
		this.officers = officers;
		this.passwords = passwords;
	}

	/** Runs once all beans are ready and before the web server takes requests. */
	@Override
	public void afterSingletonsInstantiated() {
		if (this.units.find(PROVINCE).isPresent()) {
			return;
		}
		this.transaction.executeWithoutResult(status -> load());
		log.info("Loaded the demo ward {} (Quảng Cư) with {} procedures", QUANG_CU,
				this.catalog.counts(QUANG_CU).procedures());
		if (this.withHistory) {
			// made now, imported in the background: the application answers meanwhile
			for (DemoHistory.Ward ward : HISTORIES) {
				this.history.load(ward);
			}
			log.info("Queued the demo wards' dossiers of 2023-01-01 to 2024-09-30 for import");
		}
	}

	/**
	 * The demo wards' histories: Quảng Cư's report for the period shows the seed's
	 * figures (DOMAIN §12); the two others have their own.
	 */
	static final List<DemoHistory.Ward> HISTORIES = List.of(new DemoHistory.Ward(QUANG_CU, "quangcu", 9_078, 42, 40),
			new DemoHistory.Ward(TRUNG_SON, "trungson", 5_130, 61, 41),
			new DemoHistory.Ward(BAC_SON, "bacson", 3_870, 19, 42));

	private void load() {
		this.units.register(unit(PROVINCE, null, "Tỉnh Thanh Hóa", UnitLevel.PROVINCE,
				"Số 35 Đại lộ Lê Lợi, phường Lam Sơn, thành phố Thanh Hóa", "0237 3852 348"));
		this.units.register(unit(CITY, PROVINCE, "Thành phố Sầm Sơn", UnitLevel.CITY,
				"Số 01 đường Hồ Xuân Hương, phường Trường Sơn, thành phố Sầm Sơn", "0237 3821 009"));
		this.units.register(unit(QUANG_CU, CITY, "Phường Quảng Cư", UnitLevel.WARD,
				"Bộ phận một cửa UBND phường Quảng Cư, đường Thanh Niên, thành phố Sầm Sơn", "0237 3791 116"));
		this.units.register(unit(TRUNG_SON, CITY, "Phường Trung Sơn", UnitLevel.WARD,
				"Bộ phận một cửa UBND phường Trung Sơn, đường Lê Thánh Tông, thành phố Sầm Sơn", "0237 3821 214"));
		this.units.register(unit(BAC_SON, CITY, "Phường Bắc Sơn", UnitLevel.WARD,
				"Bộ phận một cửa UBND phường Bắc Sơn, đường Nguyễn Du, thành phố Sầm Sơn", "0237 3821 337"));
		byte[] file = read(CATALOG);
		LocalDate effective = LocalDate.of(2023, 1, 1);
		for (String ward : new String[] { QUANG_CU, TRUNG_SON, BAC_SON }) {
			this.catalog.importFile(ward, ImportFormat.CSV, file, effective);
		}
		String hash = this.passwords.encode(DEMO_PASSWORD);
		officer("quangcu.motcua", "Nguyễn Thị Hoa", QUANG_CU, hash, Role.ONE_STOP_OFFICER);
		officer("quangcu.chuyenvien", "Lê Văn Nam", QUANG_CU, hash, Role.SPECIALIST);
		officer("quangcu.chuyenvien2", "Phạm Thị Lan", QUANG_CU, hash, Role.SPECIALIST);
		officer("quangcu.lanhdao", "Trần Văn Minh", QUANG_CU, hash, Role.LEADER);
		officer("quangcu.ketoan", "Hoàng Thị Mai", QUANG_CU, hash, Role.FINANCE_OFFICER);
		officer("trungson.motcua", "Đỗ Thị Thu", TRUNG_SON, hash, Role.ONE_STOP_OFFICER);
		officer("trungson.chuyenvien", "Vũ Văn Đức", TRUNG_SON, hash, Role.SPECIALIST);
		officer("trungson.lanhdao", "Bùi Văn Hùng", TRUNG_SON, hash, Role.LEADER);
		officer("samson.giamsat", "Lê Thị Nga", CITY, hash, Role.SUPERVISOR);
	}

	private void officer(String username, String name, String unit, String hash, Role role) {
		this.officers.register(username, name, unit, java.util.Set.of(role), hash);
		// where the demo mailbox shows the officer's notifications
		this.officers.changeContact(username, username + "@motcua.example.vn", null);
	}

	private static NewUnit unit(String code, String parent, String name, UnitLevel level, String address,
			String phone) {
		return new NewUnit(code, parent, name, level, address, phone, null, null, null, null, null);
	}

	private static byte[] read(String resource) {
		try (InputStream in = DemoData.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is missing from the classpath");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
