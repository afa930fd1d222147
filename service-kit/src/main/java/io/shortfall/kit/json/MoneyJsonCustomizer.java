package io.shortfall.kit.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.shortfall.events.MoneyJson;
import jakarta.inject.Singleton;

/** The REST API writes and reads decimals as JSON strings, like the events (DOMAIN.md). */
@Singleton
public class MoneyJsonCustomizer implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(MoneyJson.module());
    }
}
