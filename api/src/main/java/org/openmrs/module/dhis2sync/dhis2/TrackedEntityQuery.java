package org.openmrs.module.dhis2sync.dhis2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A search for tracked entities of a program by attribute filters (all must hold), within an org unit scope. The
 * client reads every page; an IN filter with many values is sent in parts of {@link #MAX_IN_VALUES}.
 */
public final class TrackedEntityQuery {

    public static final int DEFAULT_PAGE_SIZE = 100;
    /** 100 values in one IN filter answered in about 0.2 s on DHIS2 2.41 and keep the URL short. */
    public static final int MAX_IN_VALUES = 100;

    private final String programUid;
    private final String trackedEntityTypeUid;
    private final String orgUnit;
    private final OrgUnitMode orgUnitMode;
    private final List<AttributeFilter> filters;
    private final int pageSize;

    private TrackedEntityQuery(String programUid, String trackedEntityTypeUid, String orgUnit, OrgUnitMode orgUnitMode,
            List<AttributeFilter> filters, int pageSize) {
        if (programUid != null && !Uid.isValid(programUid)) {
            throw new IllegalArgumentException("programUid '" + programUid + "' is not a valid DHIS2 UID");
        }
        if (trackedEntityTypeUid != null && !Uid.isValid(trackedEntityTypeUid)) {
            throw new IllegalArgumentException("trackedEntityTypeUid '" + trackedEntityTypeUid
                    + "' is not a valid DHIS2 UID");
        }
        if ((programUid == null) == (trackedEntityTypeUid == null)) {
            throw new IllegalArgumentException("a search names either a program or a tracked entity type");
        }
        Objects.requireNonNull(orgUnitMode, "orgUnitMode");
        if (orgUnitMode.needsOrgUnit() && !Uid.isValid(orgUnit)) {
            throw new IllegalArgumentException("orgUnit '" + orgUnit + "' must be a valid DHIS2 UID with orgUnitMode "
                    + orgUnitMode);
        }
        if (!orgUnitMode.needsOrgUnit() && orgUnit != null) {
            throw new IllegalArgumentException("orgUnit must be empty with orgUnitMode " + orgUnitMode
                    + " (use SELECTED, CHILDREN or DESCENDANTS to search under an org unit)");
        }
        if (pageSize < 1 || pageSize > PageRequest.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + PageRequest.MAX_PAGE_SIZE + ", was "
                    + pageSize);
        }
        int inFilters = 0;
        for (AttributeFilter filter : filters) {
            if (filter.getOperator() == FilterOperator.IN) {
                inFilters++;
            }
        }
        if (inFilters > 1) {
            throw new IllegalArgumentException("filters: at most one IN filter per search, got " + inFilters);
        }
        this.programUid = programUid;
        this.trackedEntityTypeUid = trackedEntityTypeUid;
        this.orgUnit = orgUnit;
        this.orgUnitMode = orgUnitMode;
        this.filters = Collections.unmodifiableList(new ArrayList<>(filters));
        this.pageSize = pageSize;
    }

    /** All tracked entities of the program the DHIS2 user can reach (orgUnitMode ACCESSIBLE), no filter yet. */
    public static TrackedEntityQuery inProgram(String programUid) {
        return new TrackedEntityQuery(programUid, null, null, OrgUnitMode.ACCESSIBLE,
                Collections.<AttributeFilter>emptyList(), DEFAULT_PAGE_SIZE);
    }

    /**
     * All tracked entities of the type the DHIS2 user can reach, whatever program they are enrolled in (or none):
     * how a patient registered at another clinic, or through another programme, is found before it is duplicated.
     */
    public static TrackedEntityQuery ofTrackedEntityType(String trackedEntityTypeUid) {
        return new TrackedEntityQuery(null, trackedEntityTypeUid, null, OrgUnitMode.ACCESSIBLE,
                Collections.<AttributeFilter>emptyList(), DEFAULT_PAGE_SIZE);
    }

    public TrackedEntityQuery withScope(String orgUnit, OrgUnitMode mode) {
        return new TrackedEntityQuery(programUid, trackedEntityTypeUid, orgUnit, mode, filters, pageSize);
    }

    public TrackedEntityQuery withFilters(AttributeFilter... more) {
        return withFilters(Arrays.asList(more));
    }

    public TrackedEntityQuery withFilters(List<AttributeFilter> more) {
        List<AttributeFilter> all = new ArrayList<>(filters);
        all.addAll(more);
        return new TrackedEntityQuery(programUid, trackedEntityTypeUid, orgUnit, orgUnitMode, all, pageSize);
    }

    public TrackedEntityQuery withPageSize(int size) {
        return new TrackedEntityQuery(programUid, trackedEntityTypeUid, orgUnit, orgUnitMode, filters, size);
    }

    /** The program searched in, or null when the search is by tracked entity type. */
    public String getProgramUid() {
        return programUid;
    }

    /** The tracked entity type searched, or null when the search is in a program. */
    public String getTrackedEntityTypeUid() {
        return trackedEntityTypeUid;
    }

    /** The org unit the scope starts from, or null for ACCESSIBLE, CAPTURE and ALL. */
    public String getOrgUnit() {
        return orgUnit;
    }

    public OrgUnitMode getOrgUnitMode() {
        return orgUnitMode;
    }

    public List<AttributeFilter> getFilters() {
        return filters;
    }

    public int getPageSize() {
        return pageSize;
    }

    /** This query split so that no IN filter carries more than {@link #MAX_IN_VALUES} values. */
    List<TrackedEntityQuery> splitInFilter() {
        for (int i = 0; i < filters.size(); i++) {
            AttributeFilter filter = filters.get(i);
            if (filter.getOperator() == FilterOperator.IN && filter.getValues().size() > MAX_IN_VALUES) {
                List<TrackedEntityQuery> parts = new ArrayList<>();
                List<String> values = filter.getValues();
                for (int from = 0; from < values.size(); from += MAX_IN_VALUES) {
                    List<AttributeFilter> partFilters = new ArrayList<>(filters);
                    partFilters.set(i, filter.withValues(values.subList(from, Math.min(values.size(), from + MAX_IN_VALUES))));
                    parts.add(new TrackedEntityQuery(programUid, trackedEntityTypeUid, orgUnit, orgUnitMode, partFilters, pageSize));
                }
                return parts;
            }
        }
        return Collections.singletonList(this);
    }

    @Override
    public String toString() {
        return "TrackedEntityQuery{program=" + programUid + ", trackedEntityType=" + trackedEntityTypeUid + ", orgUnit=" + orgUnit + ", mode=" + orgUnitMode
                + ", filters=" + filters + ", pageSize=" + pageSize + "}";
    }
}
