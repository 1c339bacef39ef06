package org.openmrs.module.dhis2sync.api.openmrs;

import java.util.Optional;

import org.openmrs.module.DaemonToken;

/**
 * Keeps the daemon token OpenMRS hands to the activator, so that background work (sync runs started from the web
 * layer, the scheduled task) can run with an OpenMRS session of its own. The activator is created by OpenMRS, not by
 * Spring, hence the one shared instance.
 */
public final class DaemonTokenHolder {

    private static final DaemonTokenHolder SHARED = new DaemonTokenHolder();

    private volatile DaemonToken token;

    /** A separate holder, for tests; the module itself uses {@link #shared()}. */
    public DaemonTokenHolder() {
    }

    public static DaemonTokenHolder shared() {
        return SHARED;
    }

    /** OpenMRS may pass a new token at any time; the last one is the valid one. */
    public void set(DaemonToken token) {
        this.token = token;
    }

    /** @return the token, or empty before the module started or after it stopped */
    public Optional<DaemonToken> current() {
        return Optional.ofNullable(token);
    }

    public void clear() {
        token = null;
    }
}
