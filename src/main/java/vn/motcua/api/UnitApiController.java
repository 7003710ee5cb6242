package vn.motcua.api;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.org.NewUnit;
import vn.motcua.org.NewUnitSettings;
import vn.motcua.org.Officers;
import vn.motcua.org.SupplementMode;
import vn.motcua.org.Unit;
import vn.motcua.org.UnitLevel;
import vn.motcua.org.UnitSettings;
import vn.motcua.org.Units;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;
import vn.motcua.shared.WorkingHours;

/** Units of the administrative tree. */
@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "Units", description = "The administrative tree: province → city → ward, with working hours")
class UnitApiController {

	/**
	 * A unit to register; blank hours, weekend and cut-off take 07:00-11:30,13:30-17:00,
	 * Sat-Sun and 15:00.
	 */
	record UnitRequest(@NotBlank @Size(max = 40) String code, @Size(max = 40) String parentCode,
			@NotBlank @Size(max = 200) String name, @NotNull UnitLevel level, @Size(max = 300) String address,
			@Size(max = 30) String phone, @Email @Size(max = 120) String email, String workingHours,
			List<DayOfWeek> weekend, LocalTime sameDayCutoff, SupplementMode supplementMode) {
	}

	record UnitResponse(String code, String parentCode, String name, UnitLevel level, String address, String phone,
			String email, String workingHours, double hoursPerDay, List<DayOfWeek> weekend, LocalTime sameDayCutoff,
			SupplementMode supplementMode) {

		static UnitResponse of(Unit u) {
			return new UnitResponse(u.code(), u.parentCode(), u.name(), u.level(), u.address(), u.phone(), u.email(),
					u.hours().toString(), u.hours().hoursPerDay(), u.weekend().stream().sorted().toList(),
					u.sameDayCutoff(), u.supplementMode());
		}

	}

	/**
	 * A new version of a unit's settings from {@code effectiveFrom} (today or later);
	 * absent hours, weekend, cut-off or mode stay as they are on that day.
	 */
	record UnitSettingsRequest(LocalDate effectiveFrom, String workingHours, List<DayOfWeek> weekend,
			LocalTime sameDayCutoff, SupplementMode supplementMode) {
	}

	record UnitSettingsResponse(LocalDate effectiveFrom, String workingHours, double hoursPerDay,
			List<DayOfWeek> weekend, LocalTime sameDayCutoff, SupplementMode supplementMode) {

		static UnitSettingsResponse of(UnitSettings s) {
			return new UnitSettingsResponse(s.effectiveFrom(), s.hours().toString(), s.hours().hoursPerDay(),
					s.weekend().stream().sorted().toList(), s.sameDayCutoff(), s.supplementMode());
		}

	}

	private final Units units;

	private final Officers officers;

	UnitApiController(Units units, Officers officers) {
		this.units = units;
		this.officers = officers;
	}

	@GetMapping
	@Operation(summary = "All units, or the children of one")
	List<UnitResponse> list(@RequestParam(required = false) String parent) {
		if (parent != null) {
			this.units.get("parent", parent);
			return this.units.children(parent).stream().map(UnitResponse::of).toList();
		}
		return this.units.all().stream().map(UnitResponse::of).toList();
	}

	@GetMapping("/{code}")
	@Operation(summary = "One unit")
	UnitResponse get(@PathVariable String code) {
		return UnitResponse.of(this.units.get("code", code));
	}

	@GetMapping("/{code}/settings")
	@Operation(summary = "The unit's settings versions (hours, weekend, cut-off, supplement mode), oldest first")
	List<UnitSettingsResponse> settings(@PathVariable String code) {
		this.units.get("code", code);
		return this.units.settingsVersions(code).stream().map(UnitSettingsResponse::of).toList();
	}

	@GetMapping("/{code}/settings/{day}")
	@Operation(summary = "The unit's settings in force on a day")
	UnitSettingsResponse settingsOn(@PathVariable String code,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
		this.units.get("code", code);
		return UnitSettingsResponse.of(this.units.settingsOn(code, day));
	}

	@PostMapping("/{code}/settings")
	@Operation(
			summary = "Add a version of the unit's settings from tomorrow or a later day (an administrator of the unit)")
	ResponseEntity<UnitSettingsResponse> addSettings(@PathVariable String code,
			@RequestBody UnitSettingsRequest request, Authentication user) {
		this.units.get("code", code);
		UnitSettings version = this.units.addSettings(this.officers.actor(user), code,
				new NewUnitSettings(request.effectiveFrom(),
						hours(ProblemCode.UNIT_SETTINGS_INVALID, request.workingHours()),
						request.weekend() == null ? null : new HashSet<>(request.weekend()), request.sameDayCutoff(),
						request.supplementMode()));
		return ResponseEntity.created(URI.create("/api/v1/units/" + code + "/settings/" + version.effectiveFrom()))
			.body(UnitSettingsResponse.of(version));
	}

	@PostMapping
	@Operation(summary = "Register a unit (the administrator, or an administrator of the unit above)")
	ResponseEntity<UnitResponse> register(@Valid @RequestBody UnitRequest request, Authentication user) {
		WorkingHours hours = hours(ProblemCode.UNIT_INVALID, request.workingHours());
		Set<DayOfWeek> weekend = request.weekend() == null ? null : new HashSet<>(request.weekend());
		Unit unit = this.units.register(this.officers.actor(user),
				new NewUnit(request.code(), blankToNull(request.parentCode()), request.name(), request.level(),
						request.address(), request.phone(), request.email(), hours, weekend, request.sameDayCutoff(),
						request.supplementMode()));
		return ResponseEntity.created(URI.create("/api/v1/units/" + unit.code())).body(UnitResponse.of(unit));
	}

	private static WorkingHours hours(ProblemCode problemCode, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return WorkingHours.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw Problem.invalid(problemCode, "workingHours", ex.getMessage());
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
