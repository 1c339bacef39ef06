package org.openmrs.module.dhis2sync.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Mappings to and from JSON: the form stored in the mapping table, exported and imported. Reading is strict
 * (an unknown or repeated field, a value of the wrong kind or malformed JSON is refused, naming its place) and
 * every mapping read is validated; a problem is always a {@link MappingValidationException} whose errors carry
 * JSON paths. Writing is indented, with the fields in a fixed order, so exports compare line by line.
 */
public final class MappingJson {

    private static final String ENVELOPE_FIELD = "mappings";

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // messages quote a place, never the whole document
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            // "true" is not a boolean, 1 is not text: a typo must not pass as a value
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final MappingValidator validator;

    public MappingJson(MappingValidator validator) {
        this.validator = validator;
    }

    public MappingJson() {
        this(new MappingValidator());
    }

    /**
     * One mapping, read and validated.
     *
     * @throws MappingValidationException naming every problem found
     */
    public MappingConfig read(String json) {
        MappingConfig config = parse(json, MappingConfig.class);
        if (config == null) {
            throw refused("", "the document holds no mapping");
        }
        validator.check(config);
        return config;
    }

    public String write(MappingConfig config) {
        return serialize(config);
    }

    /** Several mappings (an export) as {@code {"mappings": [...]}}. */
    public String writeAll(List<MappingConfig> configs) {
        return serialize(new Envelope(configs));
    }

    /**
     * Mappings of an import: either one mapping object or the {@code {"mappings": [...]}} of
     * {@link #writeAll}. Every mapping is validated, and names must differ; errors of the envelope's mappings
     * are under {@code mappings[i]}.
     *
     * @throws MappingValidationException naming every problem found in all the mappings
     */
    public List<MappingConfig> readAll(String json) {
        JsonNode root = parse(json, JsonNode.class);
        if (root == null || !root.isObject()) {
            throw refused("", "expected one mapping object or {\"" + ENVELOPE_FIELD + "\": [...]}");
        }
        if (!root.has(ENVELOPE_FIELD)) {
            return Collections.singletonList(read(json));
        }
        Envelope envelope = parse(json, Envelope.class);
        List<MappingConfig> configs = envelope.getMappings();
        if (configs.isEmpty()) {
            throw refused(ENVELOPE_FIELD, "the file holds no mapping");
        }
        List<FieldError> errors = new ArrayList<FieldError>();
        Map<String, Integer> names = new HashMap<String, Integer>();
        for (int i = 0; i < configs.size(); i++) {
            String prefix = ENVELOPE_FIELD + "[" + i + "]";
            for (FieldError error : validator.validate(configs.get(i))) {
                errors.add(new FieldError(join(prefix, error.getField()), error.getMessage()));
            }
            MappingConfig config = configs.get(i);
            if (config != null && config.getName() != null && !config.getName().trim().isEmpty()) {
                Integer earlier = names.put(config.getName().trim(), i);
                if (earlier != null) {
                    errors.add(new FieldError(prefix + ".name", "name '" + config.getName()
                            + "' is also the name of " + ENVELOPE_FIELD + "[" + earlier + "]"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new MappingValidationException(errors);
        }
        return configs;
    }

    private <T> T parse(String json, Class<T> type) {
        if (json == null || json.trim().isEmpty()) {
            throw refused("", "the document is empty");
        }
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw refused(e);
        }
    }

    private String serialize(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // only plain value classes are written; failing here is a bug, not bad input
            throw new IllegalStateException("cannot write mapping JSON", e);
        }
    }

    private static MappingValidationException refused(String field, String message) {
        return new MappingValidationException(Collections.singletonList(new FieldError(field, message)));
    }

    private static MappingValidationException refused(JsonProcessingException e) {
        String field = e instanceof JsonMappingException ? path(((JsonMappingException) e).getPath())
                : parserPath(e);
        return refused(field, describe(e) + at(e.getLocation()));
    }

    private static String describe(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof UnrecognizedPropertyException) {
            UnrecognizedPropertyException unknown = (UnrecognizedPropertyException) e;
            return "unknown field '" + unknown.getPropertyName() + "'; known: " + known(unknown.getKnownPropertyIds());
        }
        if (e instanceof JsonParseException) {
            return "malformed JSON: " + original;
        }
        if (e.getCause() instanceof JsonParseException) {
            // the binder wraps a syntax error met inside an object it was building, adding the path
            return "malformed JSON: " + ((JsonParseException) e.getCause()).getOriginalMessage();
        }
        if (original.startsWith("Trailing token")) {
            return "unexpected content after the end of the JSON value";
        }
        if (original.startsWith("No content")) {
            return "the document is empty";
        }
        if (e instanceof InvalidFormatException) {
            InvalidFormatException invalid = (InvalidFormatException) e;
            return "'" + invalid.getValue() + "' is not valid here; expected " + expected(invalid.getTargetType());
        }
        if (e instanceof MismatchedInputException && ((MismatchedInputException) e).getTargetType() != null) {
            return "wrong kind of value" + scalarFound(e) + "; expected "
                    + expected(((MismatchedInputException) e).getTargetType());
        }
        return original;
    }

    /** The offending value when it is a single one, e.g. {@code  'yes'}. */
    private static String scalarFound(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser)) {
            return "";
        }
        JsonParser parser = (JsonParser) e.getProcessor();
        try {
            return parser.currentToken() != null && parser.currentToken().isScalarValue()
                    ? " '" + parser.getText() + "'" : "";
        } catch (java.io.IOException unreadable) {
            return "";
        }
    }

    private static String known(Collection<Object> ids) {
        TreeSet<String> names = new TreeSet<String>();
        if (ids != null) {
            for (Object id : ids) {
                names.add(String.valueOf(id));
            }
        }
        return names.toString();
    }

    private static String expected(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object of texts";
        }
        return "an object";
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The object or array the parser was in when the text stopped being JSON (or repeated a field). */
    private static String parserPath(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser)) {
            return "";
        }
        List<String> parts = new ArrayList<String>();
        JsonStreamContext context = ((JsonParser) e.getProcessor()).getParsingContext();
        for (; context != null && context.getParent() != null; context = context.getParent()) {
            JsonStreamContext parent = context.getParent();
            if (parent.inArray()) {
                parts.add("[" + Math.max(parent.getCurrentIndex(), 0) + "]");
            } else if (parent.inObject() && parent.getCurrentName() != null) {
                parts.add("." + parent.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (int i = parts.size() - 1; i >= 0; i--) {
            path.append(parts.get(i));
        }
        return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
    }

    private static String join(String prefix, String field) {
        if (field.isEmpty()) {
            return prefix;
        }
        return field.startsWith("[") ? prefix + field : prefix + "." + field;
    }

    /** The export file: {@code {"mappings": [...]}}. */
    private static final class Envelope {
        private final List<MappingConfig> mappings;

        @JsonCreator
        Envelope(@JsonProperty(ENVELOPE_FIELD) List<MappingConfig> mappings) {
            this.mappings = Copies.list(mappings);
        }

        @JsonProperty(ENVELOPE_FIELD)
        List<MappingConfig> getMappings() {
            return mappings;
        }
    }
}
