package org.openmrs.module.dhis2sync.dhis2;

import java.util.Objects;

/** One option of an option set: the code DHIS2 stores, and its name. */
public final class OptionInfo {

    private final String code;
    private final String name;

    public OptionInfo(String code, String name) {
        this.code = Objects.requireNonNull(code, "code");
        this.name = name;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OptionInfo)) {
            return false;
        }
        OptionInfo that = (OptionInfo) o;
        return Objects.equals(code, that.code) && Objects.equals(name, that.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, name);
    }

    @Override
    public String toString() {
        return "OptionInfo{code=" + code + ", name=" + name + "}";
    }
}
