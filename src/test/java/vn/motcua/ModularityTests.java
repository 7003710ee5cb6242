package vn.motcua;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules keep their declared dependencies and hide their internals; writes the
 * module docs.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(Application.class);

	@Test
	void modulesKeepTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void writeDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
