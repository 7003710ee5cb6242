package vn.motcua.api;

import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.org.Officer;
import vn.motcua.org.OfficerAuditEntry;
import vn.motcua.org.OfficerChange;
import vn.motcua.org.OfficerContact;
import vn.motcua.org.Officers;
import vn.motcua.org.Role;

/**
 * Officer administration, for the administrator only (reads too: officers are personal
 * data). The rules (username, lengths, roles, password) live in {@link Officers}; a
 * password is never sent back.
 */
@RestController
@RequestMapping("/api/v1/officers")
@Tag(name = "Officers", description = "Register officers, change their roles or unit, deactivate, reset passwords")
class OfficerApiController {

	record OfficerRequest(String username, String fullName, String unitCode, List<Role> roles, String password) {

		@Override
		public String toString() {
			return "OfficerRequest[username=" + this.username + ", unitCode=" + this.unitCode + ", roles=" + this.roles
					+ "]";
		}

	}

	/** New roles, a new unit, or both; an absent one stays as it is. */
	record OfficerChangeRequest(List<Role> roles, String unitCode) {
	}

	record PasswordRequest(String password) {

		@Override
		public String toString() {
			return "PasswordRequest[…]";
		}

	}

	record OfficerResponse(String username, String fullName, String unitCode, List<Role> roles, boolean active) {

		static OfficerResponse of(Officer o) {
			return new OfficerResponse(o.username(), o.fullName(), o.unitCode(), o.roles().stream().sorted().toList(),
					o.active());
		}

	}

	/**
	 * Where the officer is told of a new assignment and of steps coming due; blank or
	 * absent: none.
	 */
	record ContactRequest(String email, String phone) {
	}

	record ContactResponse(String username, String email, String phone) {

		static ContactResponse of(OfficerContact c) {
			return new ContactResponse(c.username(), c.email(), c.phone());
		}

	}

	record AuditResponse(Instant at, String actor, OfficerChange change, String detail) {

		static AuditResponse of(OfficerAuditEntry e) {
			return new AuditResponse(e.at(), e.actor(), e.change(), e.detail());
		}

	}

	private final Officers officers;

	OfficerApiController(Officers officers) {
		this.officers = officers;
	}

	@GetMapping
	@Operation(summary = "A unit's officers (administrator)")
	List<OfficerResponse> list(@RequestParam String unit, Authentication user) {
		return this.officers.ofUnit(this.officers.actor(user), unit).stream().map(OfficerResponse::of).toList();
	}

	@GetMapping("/{username}")
	@Operation(summary = "One officer (administrator)")
	OfficerResponse get(@PathVariable String username, Authentication user) {
		return OfficerResponse.of(this.officers.get(this.officers.actor(user), username));
	}

	@PostMapping
	@Operation(summary = "Register an officer with an initial password of at least 10 characters (administrator)")
	ResponseEntity<OfficerResponse> register(@RequestBody OfficerRequest request, Authentication user) {
		Officer officer = this.officers.register(this.officers.actor(user), request.username(), request.fullName(),
				request.unitCode(), roles(request.roles()), request.password());
		return ResponseEntity.created(URI.create("/api/v1/officers/" + officer.username()))
			.body(OfficerResponse.of(officer));
	}

	@PatchMapping("/{username}")
	@Operation(summary = "Change an officer's roles, unit or both (administrator)")
	OfficerResponse change(@PathVariable String username, @RequestBody OfficerChangeRequest request,
			Authentication user) {
		return OfficerResponse.of(this.officers.change(this.officers.actor(user), username, roles(request.roles()),
				request.unitCode() == null || request.unitCode().isBlank() ? null : request.unitCode().strip()));
	}

	@PostMapping("/{username}/deactivate")
	@Operation(summary = "Deactivate an officer: they can no longer sign in (administrator)")
	OfficerResponse deactivate(@PathVariable String username, Authentication user) {
		return OfficerResponse.of(this.officers.deactivate(this.officers.actor(user), username));
	}

	@PostMapping("/{username}/reactivate")
	@Operation(summary = "Reactivate an officer (administrator)")
	OfficerResponse reactivate(@PathVariable String username, Authentication user) {
		return OfficerResponse.of(this.officers.reactivate(this.officers.actor(user), username));
	}

	@PutMapping("/{username}/password")
	@Operation(summary = "Set a new password of at least 10 characters; lifts a lock-out (administrator)")
	ResponseEntity<Void> resetPassword(@PathVariable String username, @RequestBody PasswordRequest request,
			Authentication user) {
		this.officers.resetPassword(this.officers.actor(user), username, request.password());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{username}/contact")
	@Operation(summary = "An officer's e-mail and mobile phone, where they are told of their work (administrator)")
	ContactResponse contact(@PathVariable String username, Authentication user) {
		return ContactResponse.of(this.officers.contact(this.officers.actor(user), username));
	}

	@PutMapping("/{username}/contact")
	@Operation(summary = "Set an officer's e-mail and mobile phone (10 digits from 0, or +84 and 9 digits);"
			+ " blank clears (administrator)")
	ContactResponse changeContact(@PathVariable String username, @RequestBody ContactRequest request,
			Authentication user) {
		return ContactResponse
			.of(this.officers.changeContact(this.officers.actor(user), username, request.email(), request.phone()));
	}

	@GetMapping("/{username}/audit")
	@Operation(summary = "What administrators changed about an officer, oldest first (administrator)")
	List<AuditResponse> audit(@PathVariable String username, Authentication user) {
		return this.officers.changes(this.officers.actor(user), username).stream().map(AuditResponse::of).toList();
	}

	private static Set<Role> roles(List<Role> roles) {
		return roles == null ? null : new HashSet<>(roles);
	}

}
