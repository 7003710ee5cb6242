package vn.motcua.signing;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.motcua.org.Officer;
import vn.motcua.org.Officers;
import vn.motcua.org.Unit;
import vn.motcua.org.Units;

/**
 * On start with demo keys on ({@code motcua.signing.demo-keys}, the embedded default):
 * the demo authority, a key for every officer and a seal for every unit there is (the
 * demo ward's, once it is loaded), each made only if absent.
 */
@Component
class DemoKeys {

	private final KeyDirectory keys;

	private final DemoAuthority authority;

	private final Signatures signatures;

	private final Units units;

	private final Officers officers;

	DemoKeys(KeyDirectory keys, DemoAuthority authority, Signatures signatures, Units units, Officers officers) {
		this.keys = keys;
		this.authority = authority;
		this.signatures = signatures;
		this.units = units;
		this.officers = officers;
	}

	@EventListener(ApplicationReadyEvent.class)
	void make() {
		if (!this.keys.demo()) {
			return;
		}
		this.authority.certificate();
		for (Unit unit : this.units.all()) {
			Signer seal = Signer.unitSeal(unit.code());
			this.authority.issue(seal, unit.name(), unit.name());
			for (Officer officer : this.officers.ofUnit(unit.code())) {
				Signer signer = Signer.officer(officer.username());
				this.authority.issue(signer, officer.fullName(), this.signatures.block(signer).unit());
			}
		}
	}

}
