package org.parley.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.dropwizard.configuration.ConfigurationFactoryFactory;
import io.dropwizard.configuration.YamlConfigurationFactory;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * How config.yml is read more strictly than Jackson's defaults ({@link #factory}). A misspelt key of a
 * record is reported as Dropwizard reports one of its own classes' ("Unrecognized field ... Did you mean:
 * phrases"): Jackson builds a record before it looks at the keys it did not know, so "phrase:" for
 * "phrases:" read as a word list with no phrases, and the operator was told that the list needs phrases.
 * Config only: API bodies keep ignoring fields they do not know.
 */
final class StrictConfig extends SimpleModule {
    StrictConfig() {
        super("strict-config");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean, JsonDeserializer<?> d) {
                Class<?> type = bean.getBeanClass();
                return type.isRecord() ? new Checked(d, type) : d;
            }
        });
    }

    /**
     * Dropwizard's YAML configuration factory, its mapper with this module and without reading a fraction
     * as a whole number: PARLEY_RATE_LIMIT=1.5 was 1 request a second, and 0.5 was refused as "must be
     * greater than or equal to 1", a value the operator had not written. An unknown key fails, as Dropwizard's own
     * factory makes it (DefaultConfigurationFactoryFactory): this one, in its place, had left that out, so "maxBatchSise"
     * or "server.shutdownGracePerod" started with the default and no word (an operator's audit, sixty-ninth session).
     */
    static <T> ConfigurationFactoryFactory<T> factory() {
        return (klass, validator, mapper, prefix) -> new YamlConfigurationFactory<>(klass, validator,
                mapper.copy().registerModule(new StrictConfig()).disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES), prefix) {
            /**
             * logFormat sets the layouts Dropwizard reads when it starts the logging, which is before Application.run; the
             * application log's queues are set to drop no line then too (monitoring.LogQueues).
             */
            @Override
            protected T build(JsonNode node, String path) throws java.io.IOException, io.dropwizard.configuration.ConfigurationException {
                T config;
                try {
                    config = super.build(node, path);
                } catch (io.dropwizard.configuration.ConfigurationParsingException e) {
                    String why = WrongValue.explained(e.getCause(), node);
                    if (why == null) throw e;
                    throw new WrongValue(path, why, e);
                }
                if (config instanceof ParleyConfiguration parley) {
                    parley.logFormat.apply(parley.getLoggingFactory(), parley.getServerFactory());
                    org.parley.service.monitoring.LogQueues.dropNoLine(parley.getLoggingFactory());
                }
                return config;
            }
        };
    }

    /**
     * A value of the wrong kind, said as what the key takes: PARLEY_MAX_WAIT=1 was "Cannot construct instance of
     * `io.dropwizard.util.Duration` (although at least one Creator exists): no int/Int-argument constructor…", and
     * PARLEY_LOG_FORMAT=xml "is of type: String, expected: LogFormat", neither naming a unit or the values (an
     * operator's audit, sixty-ninth session). Dropwizard's words stay for the rest.
     */
    static final class WrongValue extends io.dropwizard.configuration.ConfigurationException {
        WrongValue(String path, String why, Throwable cause) {
            super(path, List.of(why), cause);
        }

        /** "overload.maxWait must be …, not '1'", or null for a failure that is not a value of the wrong kind. */
        static String explained(Throwable failure, JsonNode root) {
            if (!(failure instanceof com.fasterxml.jackson.databind.JsonMappingException m) || m.getPath().isEmpty()) return null;
            Class<?> target = failure instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mi ? mi.getTargetType()
                    : failure instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException vi ? vi.getType().getRawClass()
                    // a number too large for its key: "Numeric value (3000000000) out of range of int" (a check of the mends)
                    : failure.getCause() instanceof com.fasterxml.jackson.core.exc.InputCoercionException ic ? ic.getTargetType()
                    : null;
            String takes = target == null ? null : takes(target);
            if (takes == null) return null;
            StringBuilder pointer = new StringBuilder();
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
                String step = r.getFieldName() != null ? r.getFieldName() : Integer.toString(r.getIndex());
                pointer.append('/').append(step.replace("~", "~0").replace("/", "~1"));
            }
            JsonNode value = root.at(pointer.toString());
            return org.parley.service.errors.JsonExceptionMapper.path(m) + " must be " + takes + (value.isValueNode() ? ", not '" + value.asText() + "'" : "");
        }

        private static String takes(Class<?> target) {
            if (target == io.dropwizard.util.Duration.class)
                return "a duration: a whole number and its unit (500ms, 1s, 2 minutes; ns, us, ms, s, m, h, d)";
            if (target == io.dropwizard.util.DataSize.class) return "a size: a whole number and its unit (512KiB, 10MB)";
            if (target.isEnum())
                return "one of " + String.join(", ", Arrays.stream(target.getEnumConstants())
                        .map(c -> ((Enum<?>) c).name().toLowerCase(java.util.Locale.ROOT)).toList());
            if (target == int.class || target == Integer.class) return "a whole number up to " + Integer.MAX_VALUE;
            if (target == long.class || target == Long.class) return "a whole number";
            if (target == double.class || target == Double.class || target == float.class || target == Float.class)
                return "a number";
            if (target == boolean.class || target == Boolean.class) return "true or false";
            return null;
        }
    }

    private static final class Checked extends DelegatingDeserializer {
        private final Class<?> type;
        private final List<String> keys;

        Checked(JsonDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
            this.keys = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Checked(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.START_OBJECT)) return super.deserialize(p, ctxt);
            JsonNode object = ctxt.readTree(p);
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!keys.contains(key)) throw UnrecognizedPropertyException.from(p, type, key, List.<Object>copyOf(keys));
            }
            JsonParser again = object.traverse(p.getCodec());
            again.nextToken();
            return super.deserialize(again, ctxt);
        }
    }
}
