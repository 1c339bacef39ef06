package org.openmrs.module.dhis2sync.status;

import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Links that open a record in DHIS2's Capture app (the web app of DHIS2 2.41 and 2.42; on 2.42 the address below
 * is redirected into the app shell): {@code <url>/dhis-web-capture/index.html#/enrollment?enrollmentId=…&orgUnitId=…
 * &programId=…&teiId=…}, the enrollment dashboard. Capture finds the enrollment by its id alone; the other parameters
 * set the context (and are left out when unknown).
 */
public final class CaptureLinks {

    private CaptureLinks() {
    }

    /** @return the link, or null when DHIS2's URL is not configured */
    public static String enrollment(String dhis2Url, String enrollmentUid, String orgUnitUid, String programUid,
            String trackedEntityUid) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("enrollmentId", enrollmentUid);
        parameters.put("orgUnitId", orgUnitUid);
        parameters.put("programId", programUid);
        parameters.put("teiId", trackedEntityUid);
        return link(dhis2Url, parameters);
    }

    /** The tracked entity in a program, before any enrollment of it was sent. */
    public static String trackedEntity(String dhis2Url, String trackedEntityUid, String programUid, String orgUnitUid) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("orgUnitId", orgUnitUid);
        parameters.put("programId", programUid);
        parameters.put("teiId", trackedEntityUid);
        return link(dhis2Url, parameters);
    }

    private static String link(String dhis2Url, Map<String, String> parameters) {
        if (dhis2Url == null || dhis2Url.trim().isEmpty()) {
            return null;
        }
        StringBuilder link = new StringBuilder(dhis2Url.trim().replaceAll("/+$", ""))
                .append("/dhis-web-capture/index.html#/enrollment");
        char separator = '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getValue() != null && !parameter.getValue().isEmpty()) {
                link.append(separator).append(parameter.getKey()).append('=').append(encode(parameter.getValue()));
                separator = '&';
            }
        }
        return link.toString();
    }

    private static String encode(String value) {
        try {
            return URLEncoder.encode(value, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
