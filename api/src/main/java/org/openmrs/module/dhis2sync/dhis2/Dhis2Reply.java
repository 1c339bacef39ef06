package org.openmrs.module.dhis2sync.dhis2;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A reply as it came over HTTP, before anything is made of it: what it is (DHIS2's JSON, an HTML page, the login
 * page) and a short, credential-free, sanitised excerpt of it for a message.
 */
final class Dhis2Reply {

    private static final Pattern HTML_TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** At most this much of a reply that is not DHIS2's own JSON message is quoted back, sanitised. */
    static final int MAX_EXTRACT = 120;
    /** DHIS2's own JSON message (e.g. why it refused a request) may be longer. */
    static final int MAX_DHIS2_MESSAGE = 300;

    final int status;
    final String contentType;
    final String location;
    final String body;

    Dhis2Reply(int status, String contentType, String location, String body) {
        this.status = status;
        this.contentType = contentType;
        this.location = location;
        this.body = body;
    }

    boolean isJson() {
        return contentType == null ? body.trim().startsWith("{")
                : contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    boolean isHtml() {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) {
            return true;
        }
        String start = body.trim().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    /** DHIS2's own JSON 404: the API exists, the object asked for does not (an HTML 404 is no such API). */
    boolean isDhis2NotFound() {
        return status == 404 && isJson() && !isHtml();
    }

    boolean looksLikeLogin() {
        String lower = body.toLowerCase(Locale.ROOT);
        return lower.contains("login") && (lower.contains("password") || lower.contains("j_username"));
    }

    /**
     * A short, credential-free extract of DHIS2's reply for a message: DHIS2's JSON message, else the HTML title or
     * the start of the body (a reply that is not DHIS2's may be anything: only a short sanitised excerpt).
     */
    String extract(ObjectMapper mapper) {
        if (isHtml()) {
            Matcher title = HTML_TITLE.matcher(body);
            return title.find() ? sanitise(title.group(1), MAX_EXTRACT) : "an HTML page";
        }
        if (body.trim().isEmpty()) {
            return "empty body";
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node != null && node.hasNonNull("message")) {
                String text = node.get("message").asText();
                if (node.hasNonNull("errorCode")) {
                    text = node.get("errorCode").asText() + " " + text;
                }
                return sanitise(text, MAX_DHIS2_MESSAGE);
            }
        } catch (JsonProcessingException e) {
            // not JSON: the excerpt below
        }
        return "reply starting '" + sanitise(body, MAX_EXTRACT) + "'";
    }

    /**
     * A reply's text made safe to show and log: markup and control characters dropped, white space collapsed, cut
     * at {@code max} characters.
     */
    static String sanitise(String text, int max) {
        String plain = text.replaceAll("<[^>]*>", " ").replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ")
                .replaceAll("\\s+", " ").trim();
        if (plain.isEmpty()) {
            return "no readable text";
        }
        return plain.length() > max ? plain.substring(0, max) + "…" : plain;
    }
}
