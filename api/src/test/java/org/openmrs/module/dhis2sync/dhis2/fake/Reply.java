package org.openmrs.module.dhis2sync.dhis2.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP answer of the fake, in the forms real DHIS2 uses (JSON web messages, Tomcat HTML pages, redirects). */
final class Reply {

    static final ObjectMapper JSON = new ObjectMapper();

    final int status;
    final String contentType;
    final byte[] body;
    final Map<String, String> headers = new LinkedHashMap<>();

    private Reply(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    static Reply json(int status, JsonNode body) {
        try {
            return new Reply(status, "application/json;charset=UTF-8", JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Reply html(int status, String html) {
        return new Reply(status, "text/html;charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    static Reply redirect(int status, String location) {
        Reply r = new Reply(status, null, new byte[0]);
        r.headers.put("Location", location);
        return r;
    }

    Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** DHIS2's WebMessage: {@code {"httpStatus":"Conflict","httpStatusCode":409,"status":"ERROR","message":...}}. */
    static ObjectNode webMessage(int code, String status, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("httpStatus", reason(code));
        n.put("httpStatusCode", code);
        n.put("status", status);
        if (message != null) {
            n.put("message", message);
        }
        return n;
    }

    static Reply error(int code, String message) {
        return json(code, webMessage(code, "ERROR", message));
    }

    static Reply error(int code, String message, String errorCode) {
        ObjectNode n = webMessage(code, "ERROR", message);
        n.put("errorCode", errorCode);
        return json(code, n);
    }

    /** The page Tomcat 11 renders for an error status, as real DHIS2 2.41/2.42 sends for 404 and 500. */
    static Reply tomcatPage(int code, String message) {
        String title = "HTTP Status " + code + " \u2013 " + reason(code);
        String type = code >= 500 ? "Exception Report" : "Status Report";
        String description = code == 404
                ? "The origin server did not find a current representation for the target resource or is not willing to disclose that one exists."
                : "The server encountered an unexpected condition that prevented it from fulfilling the request.";
        String html = "<!doctype html><html lang=\"en\"><head><title>" + title + "</title><style type=\"text/css\">"
                + "body {font-family:Tahoma,Arial,sans-serif;} h1, h2, h3, b {color:white;background-color:#525D76;} "
                + "h1 {font-size:22px;} h2 {font-size:16px;} h3 {font-size:14px;} p {font-size:12px;} a {color:black;} "
                + ".line {height:1px;background-color:#525D76;border:none;}</style></head><body><h1>" + title
                + "</h1><hr class=\"line\" /><p><b>Type</b> " + type + "</p><p><b>Message</b> " + escape(message)
                + "</p><p><b>Description</b> " + description
                + "</p><hr class=\"line\" /><h3>Apache Tomcat/11.0.20</h3></body></html>";
        return html(code, html);
    }

    static Reply notFoundPage(String path) {
        String resource = path.startsWith("/") ? path.substring(1) : path;
        return tomcatPage(404, "No static resource " + resource.replace("/", "&#47;") + ".");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("&amp;#47;", "&#47;");
    }

    static String reason(int code) {
        switch (code) {
            case 200: return "OK";
            case 201: return "Created";
            case 301: return "Moved Permanently";
            case 302: return "Found";
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 409: return "Conflict";
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            default: return "Status " + code;
        }
    }
}
