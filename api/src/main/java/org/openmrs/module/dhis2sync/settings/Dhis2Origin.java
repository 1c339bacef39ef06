package org.openmrs.module.dhis2sync.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Scheme, host and port of a DHIS2 URL: the server a stored password or token was entered for. Host names may hold
 * "_" (Docker service names such as {@code dhis2_web}), which {@link URI} does not take as a host.
 */
public final class Dhis2Origin {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    private final String scheme;
    private final String host;
    private final int port;

    private Dhis2Origin(String scheme, String host, int port) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
    }

    /** @return the origin, or null when the text is not an absolute http or https URL naming a host */
    public static Dhis2Origin of(String url) {
        if (url == null || url.trim().isEmpty()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        String host = uri.getHost();
        int port = uri.getPort();
        if (host == null && uri.getRawAuthority() != null) {
            // a registry-based authority: host:port with a character URI refuses in host names, such as "_"
            String authority = uri.getRawAuthority();
            authority = authority.substring(authority.lastIndexOf('@') + 1);
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            if (colon >= 0) {
                String digits = authority.substring(colon + 1);
                if (!PORT.matcher(digits).matches()) {
                    return null;
                }
                port = Integer.parseInt(digits);
            }
            if (!HOST.matcher(host).matches()) {
                return null;
            }
        }
        if (host == null || host.isEmpty() || port > 65535) {
            return null;
        }
        return new Dhis2Origin(scheme, host.toLowerCase(Locale.ROOT), port >= 0 ? port : defaultPort(scheme));
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    public boolean isHttps() {
        return scheme.equals("https");
    }

    /** This machine: localhost, 127.x.x.x or ::1, where plain http does not cross a network. */
    public boolean isLoopback() {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.equals("localhost") || bare.endsWith(".localhost") || bare.startsWith("127.")
            || bare.equals("::1") || bare.equals("0:0:0:0:0:0:0:1");
    }

    /**
     * @return a warning when the URL would send the password or token over plain http to another machine (anyone
     *         on the way can read it), else null
     */
    public static String plainHttpWarning(String url) {
        Dhis2Origin origin = of(url);
        if (origin == null || origin.isHttps() || origin.isLoopback()) {
            return null;
        }
        return "The DHIS2 URL uses plain http to " + origin.host + ": the DHIS2 password or token and the patients'"
            + " data travel unencrypted; use https unless this network is closed.";
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Dhis2Origin)) {
            return false;
        }
        Dhis2Origin that = (Dhis2Origin) other;
        return scheme.equals(that.scheme) && host.equals(that.host) && port == that.port;
    }

    @Override
    public int hashCode() {
        return (scheme.hashCode() * 31 + host.hashCode()) * 31 + port;
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port;
    }
}
