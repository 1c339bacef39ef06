package org.openmrs.module.dhis2sync.dhis2;

import java.util.Objects;

/** An organisation unit; {@code path} is DHIS2's "/root/.../uid". */
public final class OrgUnitInfo {

    private final String uid;
    private final String name;
    private final String code;
    private final int level;
    private final String path;

    public OrgUnitInfo(String uid, String name, String code, int level, String path) {
        this.uid = Objects.requireNonNull(uid, "uid");
        this.name = name;
        this.code = code;
        this.level = level;
        this.path = path;
    }

    public String getUid() {
        return uid;
    }

    public String getName() {
        return name;
    }

    public String getCode() {
        return code;
    }

    public int getLevel() {
        return level;
    }

    public String getPath() {
        return path;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OrgUnitInfo)) {
            return false;
        }
        OrgUnitInfo that = (OrgUnitInfo) o;
        return Objects.equals(uid, that.uid) && Objects.equals(name, that.name) && Objects.equals(code, that.code) && level == that.level && Objects.equals(path, that.path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uid, name, code, level, path);
    }

    @Override
    public String toString() {
        return "OrgUnitInfo{uid=" + uid + ", name=" + name + ", code=" + code + ", level=" + level + ", path=" + path + "}";
    }
}
