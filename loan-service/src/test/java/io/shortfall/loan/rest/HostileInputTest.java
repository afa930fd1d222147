package io.shortfall.loan.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.shortfall.testing.HostileInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/** Every operation of this service's OpenAPI document under hostile input: see {@link HostileInput}. */
@QuarkusTest
class HostileInputTest {

    @TestFactory
    Stream<DynamicTest> everyOperationRefusesHostileInputWithATypedProblem() {
        return HostileInput.everyOperation();
    }
}
