package org.openmrs.module.dhis2sync.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.api.Dhis2SyncPrivileges;
import org.openmrs.module.dhis2sync.web.dto.SessionBody;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is using the page and which of the module's privileges they hold, so that the page shows only what they may
 * do. Any logged-in user may ask (it tells only about themselves); not logged in: 401.
 */
@RestController("dhis2syncSessionController")
@RequestMapping(WebPaths.BASE + "/session")
public class SessionController {

    private final RequestAuthorization authorization;
    private final RequestGuard guard;

    public SessionController(RequestAuthorization authorization) {
        this.authorization = authorization;
        this.guard = new RequestGuard(authorization);
    }

    @GetMapping
    public SessionBody session() {
        guard.authenticatedOnly();
        List<String> held = new ArrayList<>();
        for (String privilege : Dhis2SyncPrivileges.all()) {
            if (authorization.hasPrivilege(privilege)) {
                held.add(privilege);
            }
        }
        Map<String, Boolean> openmrs = new LinkedHashMap<>();
        openmrs.put(Dhis2SyncPrivileges.GET_PATIENTS, authorization.hasPrivilege(Dhis2SyncPrivileges.GET_PATIENTS));
        return new SessionBody(authorization.username(), held, openmrs);
    }
}
