package vn.motcua;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Rules the module model does not check. */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("vn.motcua");

	/**
	 * The pure rules: the core packages, and the dossier aggregate with its state, steps
	 * and rights, which sit beside their store so that their state stays package-private
	 * (ADR 12).
	 */
	private static final DescribedPredicate<JavaClass> PURE = resideInAnyPackage("..calendar.core..",
			"..catalog.core..", "..dossier.core..")
		.or(name("vn.motcua.dossier.Dossier"))
		.or(name("vn.motcua.dossier.DossierState"))
		.or(name("vn.motcua.dossier.DossierStep"))
		.or(name("vn.motcua.dossier.DossierRights"))
		.as("pure rules");

	@Test
	void pureRulesDoNotUseSpringOrTheDatabaseOrTheClock() {
		noClasses().that(PURE)
			.and()
			.doNotHaveSimpleName("package-info")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..", "tools.jackson..")
			.allowEmptyShould(false)
			.check(this.classes);
	}

	@Test
	void pureRulesNeverAskTheTime() {
		noClasses().that(PURE)
			.should()
			.callMethod(java.time.Instant.class, "now")
			.orShould()
			.callMethod(java.time.LocalDate.class, "now")
			.orShould()
			.callMethod(java.time.LocalDateTime.class, "now")
			.orShould()
			.callMethod(System.class, "currentTimeMillis")
			.allowEmptyShould(false)
			.check(this.classes);
	}

	@Test
	void domainModulesDoNotUseTheWebOrTheApi() {
		noClasses().that()
			.resideInAnyPackage("vn.motcua.org..", "vn.motcua.calendar..", "vn.motcua.catalog..", "vn.motcua.shared..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("vn.motcua.web..", "vn.motcua.api..", "org.springframework.web..",
					"org.springframework.http..")
			.allowEmptyShould(false)
			.check(this.classes);
	}

}
