package org.openmrs.module.dhis2sync.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies: only {@code application/json} (415 otherwise), at most {@link #MAX_BYTES} (413), bound
 * strictly by the module's own ObjectMapper (OpenMRS's message converters are lenient and shared): an unknown or
 * repeated field, a value of the wrong kind or malformed JSON is a 400 naming the field.
 */
public class JsonBodies {

    public static final int MAX_BYTES = 1024 * 1024;

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // 50.7 is not a whole number: refused, not cut to 50
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // 42 or true is not text: a field of the wrong kind is a mistake to report, not to convert (Jackson 2.13
            // converts any scalar to a String whatever the coercion settings)
            .addModule(new SimpleModule("dhis2sync-strict-text").addDeserializer(String.class, new TextOnly()))
            .build();

    /** The body as text; "" when there is none. */
    public String text(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (declared > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] bytes = readAtMost(request, MAX_BYTES);
        if (bytes.length == 0) {
            return "";
        }
        requireJson(request);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The body bound to the type; null when there is none. */
    public <T> T read(HttpServletRequest request, Class<T> type) {
        String text = text(request);
        if (text.trim().isEmpty()) {
            return null;
        }
        return parse(text, type);
    }

    /** The body bound to the type; 400 when there is none. */
    public <T> T require(HttpServletRequest request, Class<T> type) {
        T body = read(request, type);
        if (body == null) {
            throw WebException.badRequest(null, "the request needs a JSON body");
        }
        return body;
    }

    <T> T parse(String text, Class<T> type) {
        try {
            return mapper.readValue(text, type);
        } catch (UnrecognizedPropertyException e) {
            throw WebException.badRequest(path(e), "unknown field '" + e.getPropertyName() + "'");
        } catch (JsonParseException e) {
            throw WebException.badRequest(null, "malformed JSON: " + e.getOriginalMessage());
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw WebException.badRequest(field.isEmpty() ? null : field, field.isEmpty()
                    ? "expected a JSON object" : "wrong kind of value for '" + field + "'");
        } catch (JsonMappingException e) {
            String field = path(e);
            throw WebException.badRequest(field.isEmpty() ? null : field, "invalid value"
                    + (field.isEmpty() ? "" : " for '" + field + "'") + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw WebException.badRequest(null, "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static void requireJson(HttpServletRequest request) {
        String contentType = request.getContentType();
        boolean json;
        try {
            json = contentType != null && isJson(MediaType.parseMediaType(contentType));
        } catch (IllegalArgumentException e) {
            json = false;
        }
        if (!json) {
            throw new WebException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null, "The body must be JSON sent as "
                    + "Content-Type: application/json"
                    + (contentType == null ? "" : ", was " + Params.shorten(contentType)));
        }
    }

    /** application/json or application/...+json; a wildcard such as {@code *}/{@code *} says nothing. */
    private static boolean isJson(MediaType type) {
        return !type.isWildcardType() && !type.isWildcardSubtype() && "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    private static byte[] readAtMost(HttpServletRequest request, int max) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (out.size() + read > max) {
                    throw tooLarge();
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw WebException.badRequest(null, "the request body could not be read: " + e.getMessage());
        }
        return out.toByteArray();
    }

    private static WebException tooLarge() {
        return new WebException(HttpStatus.PAYLOAD_TOO_LARGE, null, "The body is larger than " + (MAX_BYTES / 1024)
                + " KiB");
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        List<JsonMappingException.Reference> references = e.getPath();
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

    /** Text only from a JSON string. */
    private static final class TextOnly extends StdScalarDeserializer<String> {

        private static final long serialVersionUID = 1L;

        TextOnly() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                return parser.getText();
            }
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
    }
}
