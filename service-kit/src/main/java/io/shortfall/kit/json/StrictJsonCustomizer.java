package io.shortfall.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.shortfall.events.MoneyJson;
import jakarta.inject.Singleton;

/**
 * How the REST API reads JSON: strictly, so that what a client meant is never guessed. Decimals are JSON strings
 * ({@link MoneyJson}); a key given twice, a value of another JSON type than the field's ({@code true} for a text,
 * {@code 1} for a boolean, {@code 1.5} for a whole number, a number for a date), text with control characters and
 * dates outside {@link StrictText#EARLIEST}..{@link StrictText#LATEST} are refused with a 400 naming the field.
 * Parsing itself is bounded: no text longer than {@value #MAX_TEXT} characters, no number longer than
 * {@value #MAX_NUMBER} digits, no nesting deeper than {@value #MAX_DEPTH}.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    static final int MAX_TEXT = 100_000;
    static final int MAX_NUMBER = 64;
    static final int MAX_DEPTH = 32;

    /**
     * Last of all customizers: Quarkus registers its own modules (java.time among them) in customizers of its own,
     * and the module registered last decides how a type is read.
     */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(MoneyJson.module());
        mapper.registerModule(StrictText.module());
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(MAX_TEXT).maxNumberLength(MAX_NUMBER).maxNestingDepth(MAX_DEPTH).build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.String, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.Float, CoercionInputShape.String,
                CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean,
                CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.DateTime, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.POJO, CoercionInputShape.EmptyString, CoercionInputShape.String,
                CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }
}
