package io.shortfall.debt.repository;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shortfall.debt.service.Negotiation;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One way to the database in debt-collection-service: its repositories. Services, resources and listeners reach
 * no entity's Panache methods (no {@code Offer.update(...)}, no {@code offer.persist()}) and no session of their
 * own; they may open a transaction ({@code Panache.withTransaction}).
 */
class DataAccessTest {

    private static final String REPOSITORIES = "io.shortfall.debt.repository..";
    private static final Set<String> ENTITY_METHODS = Arrays.stream(PanacheEntityBase.class.getDeclaredMethods())
            .map(Method::getName).collect(Collectors.toSet());
    private static final Set<String> SESSION_METHODS = Set.of("getSession", "flush", "currentTransaction");

    private static final DescribedPredicate<JavaMethodCall> DATA_ACCESS =
            DescribedPredicate.describe("a Panache entity method, or a session of its own (Panache's or a repository's)", call -> {
                var target = call.getTarget();
                boolean onEntity = target.getOwner().isAssignableTo(PanacheEntityBase.class)
                        && ENTITY_METHODS.contains(target.getName());
                boolean ownSession = (target.getOwner().isEquivalentTo(Panache.class)
                        || target.getOwner().isAssignableTo(PanacheRepositoryBase.class))
                        && SESSION_METHODS.contains(target.getName());
                return onEntity || ownSession;
            });

    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.shortfall.debt");

    @Test
    void onlyRepositoriesReachTheDatabase() {
        noClasses().that().resideOutsideOfPackage(REPOSITORIES)
                .should().callMethodWhere(DATA_ACCESS)
                .because("each service has one data-access pattern: its repositories")
                .check(main);
    }

    @Test
    void theRuleCatchesWhatItForbids() {
        // Applied to the repositories, which do reach the database, the same rule fails.
        assertThatThrownBy(() -> noClasses().that().resideInAPackage(REPOSITORIES)
                .should().callMethodWhere(DATA_ACCESS).check(main))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(OfferRepository.class.getName());
        assertThat(main.contain(Negotiation.class)).as("the services are among the classes checked").isTrue();
    }
}
