package org.openmrs.module.dhis2sync.source;

import java.util.Objects;

/** One entry of the source-field catalogue: the text a mapping stores ({@link PatientField}) and its label. */
public final class PatientFieldItem {

    private final String source;
    private final String label;

    public PatientFieldItem(String source, String label) {
        this.source = Objects.requireNonNull(source, "source");
        this.label = label;
    }

    public String getSource() {
        return source;
    }

    public String getLabel() {
        return label;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PatientFieldItem)) {
            return false;
        }
        PatientFieldItem that = (PatientFieldItem) o;
        return source.equals(that.source) && Objects.equals(label, that.label);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, label);
    }

    @Override
    public String toString() {
        return source + "=" + label;
    }
}
