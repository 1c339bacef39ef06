package org.openmrs.module.dhis2sync.dhis2;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One page of a DHIS2 list, with DHIS2's totals when it gave them. */
public final class Page<T> {

    private final List<T> items;
    private final int page;
    private final int pageSize;
    private final Integer total;
    private final Integer pageCount;

    public Page(List<T> items, int page, int pageSize, Integer total, Integer pageCount) {
        this.items = Collections.unmodifiableList(new ArrayList<>(items));
        this.page = page;
        this.pageSize = pageSize;
        this.total = total;
        this.pageCount = pageCount;
    }

    public List<T> getItems() {
        return items;
    }

    public int getPage() {
        return page;
    }

    public int getPageSize() {
        return pageSize;
    }

    /** Number of items in all pages, or null when DHIS2 did not count them. */
    public Integer getTotal() {
        return total;
    }

    /** Number of pages, or null when DHIS2 did not count them. */
    public Integer getPageCount() {
        return pageCount;
    }

    /** Whether another page may follow: by DHIS2's page count if given, else by this page being full. */
    public boolean hasNext() {
        if (pageCount != null) {
            return page < pageCount;
        }
        return items.size() >= pageSize;
    }

    /** The request for the page after this one. */
    public PageRequest nextPage() {
        return new PageRequest(page + 1, pageSize);
    }

    @Override
    public String toString() {
        return "Page " + page + " (" + items.size() + " items" + (total == null ? "" : " of " + total) + ")";
    }
}
