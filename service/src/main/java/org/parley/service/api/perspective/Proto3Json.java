package org.parley.service.api.perspective;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * What a proto3 JSON parser, which Google's servers use, reads differently from Parley's strict JSON, on Perspective's
 * bodies only: a field under both its JSON and its protobuf name is refused (it kept the later one without a word).
 * Refusals are {@link Refused}, which {@code errors.JsonExceptionMapper} answers as a 400 naming the field.
 */
public final class Proto3Json {
    private Proto3Json() {}

    /** A value proto3 JSON refuses too; the message follows the field's name, which Jackson's path gives. */
    public static final class Refused extends JsonMappingException {
        Refused(JsonParser p, String message) {
            super(p, message);
        }
    }

    /** Refuses a field sent under two of its names, on the records of this package that give fields a second name. */
    public static SimpleModule module() {
        return new SimpleModule("proto3-one-name-per-field").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean, JsonDeserializer<?> deserializer) {
                if (!bean.getBeanClass().getPackageName().equals(Proto3Json.class.getPackageName())) return deserializer;
                Map<String, String> names = new HashMap<>();
                boolean aliased = false;
                for (BeanPropertyDefinition property : bean.findProperties()) {
                    names.put(property.getName(), property.getName());
                    for (PropertyName alias : property.findAliases()) {
                        names.put(alias.getSimpleName(), property.getName());
                        aliased = true;
                    }
                }
                return aliased ? new OneNamePerField(deserializer, names) : deserializer;
            }
        });
    }

    /**
     * Reads the object's names before the record does (Jackson's aliases keep the later value): Go's protojson answers
     * "duplicate field", Python's json_format "should not have multiple" such fields, a null value included.
     */
    private static final class OneNamePerField extends DelegatingDeserializer {
        /** Every name a field answers to → the field's own (JSON) name. */
        private final Map<String, String> names;

        OneNamePerField(JsonDeserializer<?> delegate, Map<String, String> names) {
            super(delegate);
            this.names = names;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new OneNamePerField(delegate, names);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartObjectToken()) return super.deserialize(p, ctxt);
            // The object is read once into a buffer (the body's own bytes are bounded by BodySizeLimit) and replayed.
            TokenBuffer buffer = ctxt.bufferAsCopyOfValue(p);
            try (JsonParser names = buffer.asParser()) {
                names.nextToken();
                Map<String, String> seen = new HashMap<>();
                while (names.nextToken() == JsonToken.FIELD_NAME) {
                    String name = names.currentName();
                    String field = this.names.get(name);
                    String before = field == null ? null : seen.putIfAbsent(field, name);
                    if (before != null) {  // the same name twice is Jackson's STRICT_DUPLICATE_DETECTION's, met as it was read
                        Refused twice = new Refused(p, "is given twice, as " + before + " and " + name
                                + ": a field comes under its JSON name or its protobuf name, not both");
                        twice.prependPath(handledType(), field);
                        throw twice;
                    }
                    names.nextToken();
                    names.skipChildren();
                }
            }
            JsonParser replay = buffer.asParserOnFirstToken();
            return super.deserialize(replay, ctxt);
        }
    }
}
