package org.openmrs.module.dhis2sync.dhis2;

/** A page of a metadata list: pages count from 1, as in DHIS2. */
public final class PageRequest {

    public static final int MAX_PAGE_SIZE = 1000;

    private final int page;
    private final int pageSize;

    public PageRequest(int page, int pageSize) {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, was " + page);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        this.page = page;
        this.pageSize = pageSize;
    }

    public static PageRequest first(int pageSize) {
        return new PageRequest(1, pageSize);
    }

    public int getPage() {
        return page;
    }

    public int getPageSize() {
        return pageSize;
    }

    public PageRequest next() {
        return new PageRequest(page + 1, pageSize);
    }

    @Override
    public String toString() {
        return "page " + page + " of size " + pageSize;
    }
}
