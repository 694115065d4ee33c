package org.clearline.admin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

/** Javalin's JSON through our own Jackson mapper (records as objects, unknown body keys refused). */
public final class JacksonMapper implements JsonMapper {
    private final ObjectMapper mapper;

    public JacksonMapper() {
        this.mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public ObjectMapper objectMapper() {
        return mapper;
    }

    @Override
    public String toJsonString(Object obj, Type type) {
        try {
            return mapper.writeValueAsString(obj);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public <T> T fromJsonString(String json, Type targetType) {
        try {
            return mapper.readValue(json, mapper.constructType(targetType));
        } catch (JsonProcessingException e) {
            throw JsonInput.error(e);
        }
    }

    @Override
    public <T> T fromJsonStream(InputStream json, Type targetType) {
        try {
            return mapper.readValue(json, mapper.constructType(targetType));
        } catch (JsonProcessingException e) {
            throw JsonInput.error(e);
        } catch (IOException e) {
            throw ApiError.badRequest(null, "cannot read the request body: " + e.getMessage());
        }
    }
}
