package org.openmrs.module.dhis2sync.jobs;

import java.util.Objects;

/**
 * One record of a job's result: the group it is listed under (e.g. its category), a tag it is counted under in the
 * summary (e.g. NEW or UPDATE), whether it is a problem (problems are counted and kept apart), and the item.
 *
 * @param <T> the item's type
 */
public final class JobRecord<T> {

    /** The tag problems are counted under in the summary, whatever their own tag. */
    public static final String PROBLEM = "PROBLEM";

    private final String group;
    private final String tag;
    private final boolean problem;
    private final T item;

    public JobRecord(String group, String tag, boolean problem, T item) {
        this.group = Objects.requireNonNull(group, "group");
        this.tag = problem ? PROBLEM : Objects.requireNonNull(tag, "tag");
        this.problem = problem;
        this.item = Objects.requireNonNull(item, "item");
    }

    public String getGroup() {
        return group;
    }

    /** {@link #PROBLEM} for a problem, else the record's own tag. */
    public String getTag() {
        return tag;
    }

    public boolean isProblem() {
        return problem;
    }

    public T getItem() {
        return item;
    }
}
