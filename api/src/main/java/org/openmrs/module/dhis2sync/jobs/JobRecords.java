package org.openmrs.module.dhis2sync.jobs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's records, bounded: every record is counted (per group and tag), the first {@code keptPerGroup} of each group
 * are kept for paging, and so are its first {@code keptPerGroup} problems (so that problems past the first records
 * can still be read). Written by the job's thread, read by polling requests: synchronized.
 *
 * @param <T> the items' type
 */
public final class JobRecords<T> {

    private final int keptPerGroup;
    private final Map<String, Group<T>> groups = new LinkedHashMap<>();

    public JobRecords(int keptPerGroup) {
        if (keptPerGroup < 1) {
            throw new IllegalArgumentException("keptPerGroup must be at least 1");
        }
        this.keptPerGroup = keptPerGroup;
    }

    public synchronized void add(JobRecord<T> record) {
        Group<T> group = groups.computeIfAbsent(record.getGroup(), g -> new Group<>());
        group.counted++;
        group.tags.merge(record.getTag(), 1L, Long::sum);
        if (group.all.size() < keptPerGroup) {
            group.all.add(record);
        }
        if (record.isProblem()) {
            group.problemCount++;
            if (group.problems.size() < keptPerGroup) {
                group.problems.add(record);
            }
        }
    }

    /** Per group (in the order first seen), per tag (problems under {@link JobRecord#PROBLEM}): how many records. */
    public synchronized Map<String, Map<String, Long>> summary() {
        Map<String, Map<String, Long>> summary = new LinkedHashMap<>();
        for (Map.Entry<String, Group<T>> group : groups.entrySet()) {
            summary.put(group.getKey(), Collections.unmodifiableMap(new LinkedHashMap<>(group.getValue().tags)));
        }
        return Collections.unmodifiableMap(summary);
    }

    public synchronized long count() {
        long count = 0;
        for (Group<T> group : groups.values()) {
            count += group.counted;
        }
        return count;
    }

    public synchronized long problemCount() {
        long count = 0;
        for (Group<T> group : groups.values()) {
            count += group.problemCount;
        }
        return count;
    }

    /**
     * @param group one group, or null for all of them one after the other (in the order first seen)
     * @param problemsOnly only the problems
     */
    public synchronized JobPage<T> page(String group, boolean problemsOnly, int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be 0 or more and limit 1 or more");
        }
        List<JobRecord<T>> matching = new ArrayList<>();
        long counted = 0;
        for (Map.Entry<String, Group<T>> each : groups.entrySet()) {
            if (group != null && !group.equals(each.getKey())) {
                continue;
            }
            Group<T> g = each.getValue();
            matching.addAll(problemsOnly ? g.problems : g.all);
            counted += problemsOnly ? g.problemCount : g.counted;
        }
        int from = Math.min(offset, matching.size());
        int to = (int) Math.min(matching.size(), (long) from + limit);
        return new JobPage<>(matching.subList(from, to), offset, matching.size(), counted);
    }

    private static final class Group<T> {
        final List<JobRecord<T>> all = new ArrayList<>();
        final List<JobRecord<T>> problems = new ArrayList<>();
        final Map<String, Long> tags = new LinkedHashMap<>();
        long counted;
        long problemCount;
    }
}
