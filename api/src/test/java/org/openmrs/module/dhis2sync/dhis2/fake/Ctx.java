package org.openmrs.module.dhis2sync.dhis2.fake;

/** What request handlers share: the DHIS2 version imitated, its metadata and data, and the signed-in user. */
final class Ctx {

    static final String USER_ID = "M5zQapPyTZI";
    static final String DEFAULT_ATTRIBUTE_OPTION_COMBO = "HllvX50cXC0";
    static final String DEFAULT_CATEGORY_OPTION = "xYerKDKCefk";

    final FakeDhis2.Version version;
    final Metadata metadata;
    final FakeStore store;
    final String username;
    final String baseUrl;

    Ctx(FakeDhis2.Version version, Metadata metadata, FakeStore store, String username, String baseUrl) {
        this.version = version;
        this.metadata = metadata;
        this.store = store;
        this.username = username;
        this.baseUrl = baseUrl;
    }

    boolean v41() {
        return version == FakeDhis2.Version.V2_41;
    }
}
