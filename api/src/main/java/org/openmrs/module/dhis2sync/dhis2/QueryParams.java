package org.openmrs.module.dhis2sync.dhis2;

import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;

/** Query parameters of one request, in order, repeatable ({@code filter} may appear several times). */
final class QueryParams {

    /**
     * How one parameter carries several UIDs. The tracker API binds {@code trackedEntities}, {@code enrollments} and
     * {@code events} as sets of UIDs split on commas and refuses a semicolon with HTTP 400 ("Value 'a;b' is not valid
     * for parameter trackedEntities. UID must be an alphanumeric string of 11 characters…", recorded on 2.41.9.1 and
     * 2.42.5.2); the deprecated API splits {@code trackedEntityInstance} and {@code event} on semicolons
     * ({@code TextUtils.splitToSet(value, SEMICOLON)} in dhis2-core 2.41). Semicolons also separate the values of a
     * filter's {@code in:} operand, in both generations.
     */
    enum UidList {
        TRACKER_API(","), DEPRECATED_API(";");

        private final String separator;

        UidList(String separator) {
            this.separator = separator;
        }

        String join(Collection<String> uids) {
            for (String uid : uids) {
                if (!Uid.isValid(uid)) {
                    throw new IllegalArgumentException("'" + uid + "' is not a valid DHIS2 UID");
                }
            }
            return String.join(separator, uids);
        }
    }

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

    /** One parameter holding all the UIDs, in the form the API generation reads. */
    QueryParams addUids(String name, Collection<String> uids, UidList style) {
        return add(name, style.join(uids));
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
