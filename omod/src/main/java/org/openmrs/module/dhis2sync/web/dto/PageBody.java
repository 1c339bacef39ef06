package org.openmrs.module.dhis2sync.web.dto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code {"results": [...], "pager": {"page", "pageSize", "total"}}}: one page of a DHIS2 list. */
public final class PageBody<T> {

    private final List<T> results;
    private final Pager pager;

    public PageBody(List<T> results, int page, int pageSize, Integer total) {
        this.results = Collections.unmodifiableList(new ArrayList<>(results));
        this.pager = new Pager(page, pageSize, total);
    }

    public List<T> getResults() {
        return results;
    }

    public Pager getPager() {
        return pager;
    }

    /** Where the page is; total is null when DHIS2 did not count. */
    public static final class Pager {
        private final int page;
        private final int pageSize;
        private final Integer total;

        Pager(int page, int pageSize, Integer total) {
            this.page = page;
            this.pageSize = pageSize;
            this.total = total;
        }

        public int getPage() {
            return page;
        }

        public int getPageSize() {
            return pageSize;
        }

        public Integer getTotal() {
            return total;
        }
    }
}
