package org.openmrs.module.dhis2sync.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.openmrs.module.dhis2sync.api.Dhis2SyncPrivileges;
import org.openmrs.module.dhis2sync.api.Dhis2SyncService;
import org.openmrs.module.dhis2sync.dhis2.Page;
import org.openmrs.module.dhis2sync.dhis2.PageRequest;
import org.openmrs.module.dhis2sync.dhis2.ProgramInfo;
import org.openmrs.module.dhis2sync.source.ConceptItem;
import org.openmrs.module.dhis2sync.source.MetadataItem;
import org.openmrs.module.dhis2sync.source.MetadataKind;
import org.openmrs.module.dhis2sync.source.PatientFieldItem;
import org.openmrs.module.dhis2sync.web.dto.ConceptBody;
import org.openmrs.module.dhis2sync.web.dto.Dhis2Bodies;
import org.openmrs.module.dhis2sync.web.dto.ListBody;
import org.openmrs.module.dhis2sync.web.dto.PageBody;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Metadata for the mapping editor's pickers: OpenMRS's, and DHIS2's proxied through the module's client (the
 * browser never holds DHIS2 credentials).
 */
@RestController("dhis2syncMetadataController")
@RequestMapping(WebPaths.BASE + "/metadata")
public class MetadataController {

    static final int DEFAULT_CONCEPT_LIMIT = 20;
    static final List<String> DHIS2_KINDS = Arrays.asList("programs", "trackedEntityAttributes", "dataElements",
            "optionSets", "orgUnits");

    private final Dhis2SyncService service;
    private final RequestGuard guard;

    public MetadataController(Dhis2SyncService service, RequestAuthorization authorization) {
        this.service = service;
        this.guard = new RequestGuard(authorization);
    }

    @GetMapping("/openmrs/concepts")
    public ListBody<ConceptBody> concepts(@RequestParam(value = "q", required = false) String q,
            @RequestParam(value = "limit", required = false) Integer limit) {
        guard.read(Dhis2SyncPrivileges.MANAGE_MAPPINGS);
        List<ConceptBody> concepts = new ArrayList<>();
        for (ConceptItem concept : service.searchConcepts(q, limit == null ? DEFAULT_CONCEPT_LIMIT : limit)) {
            concepts.add(ConceptBody.of(concept));
        }
        return ListBody.of(concepts);
    }

    @GetMapping("/openmrs/patientFields")
    public ListBody<PatientFieldItem> patientFields() {
        guard.read(Dhis2SyncPrivileges.MANAGE_MAPPINGS);
        return ListBody.of(service.getPatientFields());
    }

    /** A whole list (they are short), filtered by a part of the name when {@code q} is given. */
    @GetMapping("/openmrs/{kind}")
    public ListBody<MetadataItem> openmrs(@PathVariable("kind") String kind,
            @RequestParam(value = "q", required = false) String q) {
        guard.read(Dhis2SyncPrivileges.MANAGE_MAPPINGS);
        MetadataKind known = MetadataKind.fromKey(kind);
        if (known == null) {
            throw WebException.notFound("no OpenMRS metadata '" + Params.shorten(kind) + "'; known: "
                    + MetadataKind.keys() + ", concepts, patientFields");
        }
        String filter = Params.blankToNull(q);
        List<MetadataItem> items = new ArrayList<>();
        for (MetadataItem item : service.getOpenmrsMetadata(known)) {
            if (filter == null || contains(item.getName(), filter)) {
                items.add(item);
            }
        }
        return ListBody.of(items);
    }

    @GetMapping("/dhis2/{kind}")
    public PageBody<?> dhis2(@PathVariable("kind") String kind, @RequestParam(value = "q", required = false) String q,
            @RequestParam(value = "page", required = false) Integer page,
            @RequestParam(value = "pageSize", required = false) Integer pageSize) {
        guard.read(Dhis2SyncPrivileges.MANAGE_MAPPINGS);
        PageRequest request = new PageRequest(Params.page(page), Params.pageSize(pageSize));
        String query = Params.blankToNull(q);
        switch (kind) {
            case "programs":
                return programs(query, request);
            case "trackedEntityAttributes":
                return body(service.getDhis2Attributes(query, request), Dhis2Bodies.Attribute::new);
            case "dataElements":
                return body(service.getDhis2DataElements(query, request), Dhis2Bodies.DataElement::new);
            case "optionSets":
                return body(service.getDhis2OptionSets(query, request), Dhis2Bodies.OptionSet::new);
            case "orgUnits":
                return body(service.getDhis2OrgUnits(query, request), Dhis2Bodies.OrgUnit::new);
            default:
                throw WebException.notFound("no DHIS2 metadata '" + Params.shorten(kind) + "'; known: " + DHIS2_KINDS);
        }
    }

    /**
     * DHIS2's program list takes no name filter in the client: the page read is filtered here by name or UID (the
     * page asks for a UID to reload a mapping's program).
     */
    private PageBody<Dhis2Bodies.Program> programs(String query, PageRequest request) {
        Page<ProgramInfo> page = service.getDhis2Programs(request);
        if (query == null) {
            return body(page, Dhis2Bodies.Program::new);
        }
        List<Dhis2Bodies.Program> matching = new ArrayList<>();
        for (ProgramInfo program : page.getItems()) {
            if (program.getUid().equals(query) || contains(program.getName(), query)) {
                matching.add(new Dhis2Bodies.Program(program));
            }
        }
        return new PageBody<>(matching, page.getPage(), page.getPageSize(), matching.size());
    }

    private static <I, B> PageBody<B> body(Page<I> page, Function<I, B> toBody) {
        List<B> results = new ArrayList<>();
        for (I item : page.getItems()) {
            results.add(toBody.apply(item));
        }
        return new PageBody<>(results, page.getPage(), page.getPageSize(), page.getTotal());
    }

    private static boolean contains(String name, String part) {
        return name != null && name.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }
}
