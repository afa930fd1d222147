package io.shortfall.debt;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A status changes only by its entity's moves ({@code offer.decide(...)}, {@code plan.moveTo(...)},
 * {@code debtCase.moveTo(...)}, ...), which refuse the moves its lifecycle does not have: no class outside the
 * entities writes an entity's {@code status}.
 */
class EntityStatusTest {

    private static final DescribedPredicate<JavaFieldAccess> STATUS_OF_AN_ENTITY =
            DescribedPredicate.describe("the status of an entity", access -> access.getTarget().getName().equals("status")
                    && access.getTarget().getOwner().isAssignableTo(PanacheEntityBase.class));

    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.shortfall.debt");

    @Test
    void onlyTheEntitiesMoveTheirStatus() {
        noClasses().that().resideOutsideOfPackage("io.shortfall.debt")
                .should().setFieldWhere(STATUS_OF_AN_ENTITY)
                .because("a status moves by its entity's methods, which refuse illegal moves")
                .check(main);
    }

    @Test
    void theRuleCatchesWhatItForbids() {
        // The entities themselves do write it: the same rule, applied to them, fails.
        assertThatThrownBy(() -> noClasses().that().resideInAPackage("io.shortfall.debt")
                .should().setFieldWhere(STATUS_OF_AN_ENTITY).check(main))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(Offer.class.getName());
    }
}
