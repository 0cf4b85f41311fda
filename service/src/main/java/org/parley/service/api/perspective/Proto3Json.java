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
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a proto3 JSON parser, which Google's servers use, reads differently from Parley's strict JSON, on Perspective's
 * bodies only: a field under both its JSON and its protobuf name is refused (it kept the later one without a word), a
 * float may come as a string ({@code "scoreThreshold": "0.5"}), and an enum as its number where that number is known.
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

    /** A float: a JSON number, or, as proto3 JSON also takes, a string holding one, or NaN, Infinity or -Infinity. */
    public static class FloatValue extends StdDeserializer<Double> {
        /** JSON's number grammar, which Go's protojson requires of the string (no spaces, no hex, no "1f"). */
        private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
        private static final String REFUSED = "must be a number, or a string holding one as proto3 JSON allows (\"0.5\")";

        public FloatValue() {
            super(Double.class);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT)
                return p.getDoubleValue();
            if (p.currentToken() != JsonToken.VALUE_STRING) throw new Refused(p, REFUSED);
            String s = p.getText();
            switch (s) {
                case "NaN": return Double.NaN;  // then out of range: a 400 naming the field, as any value outside [0, 1]
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default:
                    // No longer than a number token may be, so a long string costs what a long number does.
                    if (s.length() <= p.streamReadConstraints().getMaxNumberLength() && NUMBER.matcher(s).matches())
                        return Double.parseDouble(s);
                    throw new Refused(p, REFUSED);
            }
        }
    }

    /**
     * A suggested score's value ({@code summaryScore.value}): a float as {@link FloatValue} reads it, left out (proto3's
     * default, 0, which a protobuf client leaves out of its JSON) or given, but not {@code null}. A proto3 parser would read
     * a null as 0 too, but no protobuf client writes one: a null comes from a hand-built body whose score was unset (Python's
     * None), and stored as 0 it was a label saying "not at all" that nobody gave, for retraining. Refused as a 400 naming
     * the field, as a null {@code summaryScore} already was.
     */
    public static final class SuggestedValue extends FloatValue {
        @Override
        public Double getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            throw new Refused(ctxt.getParser(), "must not be null: leave it out for a suggestion of 0 (as a protobuf client"
                    + " does), or send the score, a number in [0, 1]");
        }

        /** Left out is not null: proto3's 0 (Jackson's default would ask {@link #getNullValue}). */
        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return null;
        }
    }

    /** An enum: its name, or its number where Parley knows it. */
    private abstract static class EnumValue extends StdDeserializer<String> {
        private final String unspecified;
        private final String example;

        EnumValue(String unspecified, String example) {
            super(String.class);
            this.unspecified = unspecified;
            this.example = example;
        }

        /**
         * 0 is the one number known: proto3 numbers an enum's default 0, and Perspective's default is its
         * *_UNSPECIFIED value. The numbers of the others are nowhere in this repository, so they are refused
         * rather than guessed (a wrong guess would score a type the client did not ask for).
         */
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) return ctxt.readValue(p, String.class);  // the service's own checks of strings
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT && p.getIntValue() == 0)
                return unspecified;
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) throw new Refused(p, "must be a name (" + example + ") or the number 0");
            throw new Refused(p, "is an enum number Parley cannot name: only 0 (" + unspecified + ") is read as a number, "
                    + "since Perspective's numbering of the others is not known here; send the name (" + example + ")");
        }
    }

    /** {@code comment.type}, Perspective's TextType. */
    public static final class TextType extends EnumValue {
        public TextType() {
            super("TEXT_TYPE_UNSPECIFIED", "PLAIN_TEXT");
        }
    }

    /** {@code scoreType} and {@code summaryScore.type}, Perspective's ScoreType. */
    public static final class ScoreType extends EnumValue {
        public ScoreType() {
            super("SCORE_TYPE_UNSPECIFIED", "PROBABILITY");
        }
    }
}
