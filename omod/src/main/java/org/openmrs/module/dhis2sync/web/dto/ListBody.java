package org.openmrs.module.dhis2sync.web.dto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code {"results": [...], "total": N}}; total only for paged lists. */
public final class ListBody<T> {

    private final List<T> results;
    private final Long total;

    private ListBody(List<T> results, Long total) {
        this.results = Collections.unmodifiableList(new ArrayList<>(results));
        this.total = total;
    }

    public static <T> ListBody<T> of(List<T> results) {
        return new ListBody<>(results, (long) results.size());
    }

    public static <T> ListBody<T> page(List<T> results, long total) {
        return new ListBody<>(results, total);
    }

    public List<T> getResults() {
        return results;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Long getTotal() {
        return total;
    }
}
