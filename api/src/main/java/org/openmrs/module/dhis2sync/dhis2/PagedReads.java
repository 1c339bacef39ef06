package org.openmrs.module.dhis2sync.dhis2;

import com.fasterxml.jackson.databind.JsonNode;

/** DHIS2's paging: {@code pager.page/pageSize/total/pageCount} (2.41 also repeats them at the top; 2.42 does not). */
final class PagedReads {

    private PagedReads() {
    }

    static Integer total(JsonNode reply) {
        return pagerValue(reply, "total");
    }

    static Integer pageCount(JsonNode reply) {
        return pagerValue(reply, "pageCount");
    }

    private static Integer pagerValue(JsonNode reply, String field) {
        Integer inPager = Json.integer(reply.path("pager"), field);
        return inPager != null ? inPager : Json.integer(reply, field);
    }

    /** Whether to ask for the page after {@code page}: by DHIS2's page count when it gave one, else by a full page. */
    static boolean hasNext(JsonNode reply, int page, int pageSize, int itemsOnPage) {
        Integer pageCount = pageCount(reply);
        if (pageCount != null) {
            return page < pageCount;
        }
        return itemsOnPage >= pageSize;
    }
}
