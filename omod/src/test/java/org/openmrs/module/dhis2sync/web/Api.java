package org.openmrs.module.dhis2sync.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Requests as the admin page sends them (the CSRF header, JSON bodies), and their JSON replies. */
final class Api {

    static final String BASE = "/rest/v1/dhis2sync/";
    static final ObjectMapper JSON = new ObjectMapper();

    private final MockMvc mvc;

    Api(MockMvc mvc) {
        this.mvc = mvc;
    }

    static MockHttpServletRequestBuilder getting(String path) {
        return MockMvcRequestBuilders.get(BASE + path).accept(MediaType.APPLICATION_JSON);
    }

    /** A POST as the page sends it; a null body sends none. */
    static MockHttpServletRequestBuilder posting(String path, String body) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(BASE + path).header("X-Requested-With", "XMLHttpRequest")
                .contentType(MediaType.APPLICATION_JSON);
        return body == null ? request : request.content(body.getBytes(StandardCharsets.UTF_8));
    }

    static MockHttpServletRequestBuilder deleting(String path) {
        return MockMvcRequestBuilders.delete(BASE + path).header("X-Requested-With", "XMLHttpRequest");
    }

    Reply send(MockHttpServletRequestBuilder request) {
        try {
            MvcResult result = mvc.perform(request).andReturn();
            return new Reply(result.getResponse().getStatus(),
                    result.getResponse().getContentAsString(StandardCharsets.UTF_8),
                    result.getResponse().getHeader("Content-Disposition"));
        } catch (Exception e) {
            throw new AssertionError("request failed: " + e, e);
        }
    }

    Reply get(String path) {
        return send(getting(path));
    }

    Reply post(String path, String body) {
        return send(posting(path, body));
    }

    Reply delete(String path) {
        return send(deleting(path));
    }

    /** A reply: status, body text, and the body as JSON. */
    static final class Reply {
        final int status;
        final String body;
        final String disposition;

        Reply(int status, String body, String disposition) {
            this.status = status;
            this.body = body;
            this.disposition = disposition;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON (" + status + "): " + body);
            }
        }

        /** The error's field, or null. */
        String errorField() {
            JsonNode field = json().path("error").path("field");
            return field.isNull() || field.isMissingNode() ? null : field.asText();
        }

        String errorMessage() {
            return json().path("error").path("message").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
