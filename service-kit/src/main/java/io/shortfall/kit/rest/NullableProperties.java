package io.shortfall.kit.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * States in the documents what the services do: a property of an object that is not {@code required} may be
 * {@code null} (the services write every field of a view, {@code null} when it has no value: a loan's
 * {@code closedAt} while it is open, a case's {@code plan} before one is agreed). Without it a strict client
 * (Swift's Codable, kotlinx.serialization, a generated Java client with non-null checks) fails on the first null.
 * A reference to a plain string schema ({@code Instant}, {@code UUID}, {@code Decimal}, ...) is written in place, so
 * its format and pattern stay next to {@code nullable}; a reference to an object stays a reference and the object's
 * schema says it may be null (OpenAPI 3.0 has no nullable reference).
 */
final class NullableProperties {

    static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        components.values().forEach(schema -> apply(schema, components));
    }

    private static void apply(Schema schema, Map<String, Schema> components) {
        if (schema == null) {
            return;
        }
        if (schema.getProperties() != null) {
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            for (Map.Entry<String, Schema> property : Map.copyOf(schema.getProperties()).entrySet()) {
                Schema value = property.getValue();
                apply(value, components);
                if (!required.contains(property.getKey())) {
                    schema.addProperty(property.getKey(), nullable(value, components));
                }
            }
        }
        if (schema.getItems() != null) {
            apply(schema.getItems(), components);
        }
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(s -> apply(s, components));
        }
    }

    private static Schema nullable(Schema property, Map<String, Schema> components) {
        String ref = property.getRef();
        if (ref == null && property.getAllOf() != null && property.getAllOf().size() == 1
                && property.getAllOf().get(0).getRef() != null) {
            // a reference with a description of its own, written as allOf [reference]
            Schema inner = nullable(property.getAllOf().get(0), components);
            if (inner.getRef() == null) {
                // a string schema written in place: it replaces the allOf, keeping the property's description
                return property.getDescription() == null ? inner : inner.description(property.getDescription());
            }
            return property;
        }
        if (ref == null) {
            if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
                List<Schema.SchemaType> types = new java.util.ArrayList<>(property.getType());
                types.add(Schema.SchemaType.NULL);
                property.setType(types);
            }
            allowNullIn(property);
            return property;
        }
        Schema target = components.get(ref.substring(ref.lastIndexOf('/') + 1));
        if (target != null && target.getProperties() == null && target.getAllOf() == null
                && target.getType() != null && target.getType().equals(List.of(Schema.SchemaType.STRING))) {
            Schema inline = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                    .format(target.getFormat()).pattern(target.getPattern()).maxLength(target.getMaxLength())
                    .description(target.getDescription()).example(target.getExample())
                    .enumeration(target.getEnumeration());
            inline.setType(List.of(Schema.SchemaType.STRING, Schema.SchemaType.NULL));
            allowNullIn(inline);
            if (property.getDescription() != null) {
                inline.description(property.getDescription());
            }
            return inline;
        }
        // an object: OpenAPI 3.0 has no nullable reference, and {@code allOf} [reference] with {@code nullable} is
        // read differently by different tools; the referenced schema itself says it may be null
        if (target != null && target.getType() != null && !target.getType().contains(Schema.SchemaType.NULL)) {
            List<Schema.SchemaType> types = new java.util.ArrayList<>(target.getType());
            types.add(Schema.SchemaType.NULL);
            target.setType(types);
        }
        return property;
    }

    /** An enumeration that may be null lists null among its values (OpenAPI 3.0.3: nullable does not add it). */
    private static void allowNullIn(Schema schema) {
        if (schema.getEnumeration() != null && !schema.getEnumeration().contains(null)) {
            List<Object> values = new java.util.ArrayList<>(schema.getEnumeration());
            values.add(null);
            schema.setEnumeration(values);
        }
    }

    private NullableProperties() {
    }
}
