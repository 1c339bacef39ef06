package org.openmrs.module.dhis2sync.dhis2;

import java.util.Objects;

/** What {@code GET /api/system/info} says about the DHIS2 server. */
public final class SystemInfo {

    private final String version;
    private final int major;
    private final int minor;
    private final String revision;

    public SystemInfo(String version, int major, int minor, String revision) {
        this.version = Objects.requireNonNull(version, "version");
        this.major = major;
        this.minor = minor;
        this.revision = revision;
    }

    /** Reads {@code version} ("2.41.9.1", "2.42-SNAPSHOT") into major and minor. */
    public static SystemInfo of(String version, String revision) {
        if (version == null) {
            throw new IllegalArgumentException("version: DHIS2's system info has no version");
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)").matcher(version.trim());
        if (!m.find()) {
            throw new IllegalArgumentException("version '" + version + "' is not a DHIS2 version such as 2.41.9.1");
        }
        return new SystemInfo(version.trim(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), revision);
    }

    /** Whether this version is at least {@code major.minor}. */
    public boolean isAtLeast(int atLeastMajor, int atLeastMinor) {
        return major > atLeastMajor || (major == atLeastMajor && minor >= atLeastMinor);
    }

    public String getVersion() {
        return version;
    }

    public int getMajor() {
        return major;
    }

    public int getMinor() {
        return minor;
    }

    public String getRevision() {
        return revision;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SystemInfo)) {
            return false;
        }
        SystemInfo that = (SystemInfo) o;
        return Objects.equals(version, that.version) && major == that.major && minor == that.minor && Objects.equals(revision, that.revision);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, major, minor, revision);
    }

    @Override
    public String toString() {
        return "SystemInfo{version=" + version + ", major=" + major + ", minor=" + minor + ", revision=" + revision + "}";
    }
}
