package org.openmrs.module.dhis2sync.dhis2;

import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;

/** Query parameters of one request, in order, repeatable ({@code filter} may appear several times). */
final class QueryParams {

    private final List<NameValuePair> pairs = new ArrayList<>();

    static QueryParams of(String name, Object value) {
        return new QueryParams().add(name, value);
    }

    /** Adds the parameter; a null value leaves it out. */
    QueryParams add(String name, Object value) {
        if (value != null) {
            pairs.add(new BasicNameValuePair(name, String.valueOf(value)));
        }
        return this;
    }

    QueryParams copy() {
        QueryParams copy = new QueryParams();
        copy.pairs.addAll(pairs);
        return copy;
    }

    List<NameValuePair> pairs() {
        return Collections.unmodifiableList(pairs);
    }

    /**
     * The query string, percent-encoded with spaces as {@code %20}: a {@code +} means a space to a servlet container
     * but not to every server, {@code %20} means a space to all.
     */
    String encoded() {
        StringBuilder query = new StringBuilder();
        for (NameValuePair pair : pairs) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(encode(pair.getName())).append('=').append(encode(pair.getValue()));
        }
        return query.toString();
    }

    private static String encode(String text) {
        try {
            return URLEncoder.encode(text, "UTF-8").replace("+", "%20");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }
}
