package org.openmrs.module.dhis2sync.web;

import javax.servlet.http.HttpServletRequest;

import org.openmrs.module.dhis2sync.api.Dhis2SyncPrivileges;
import org.openmrs.module.dhis2sync.api.Dhis2SyncService;
import org.openmrs.module.dhis2sync.web.dto.ConnectionBody;
import org.openmrs.module.dhis2sync.web.dto.SettingsBody;
import org.openmrs.module.dhis2sync.web.dto.SettingsRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The settings (the DHIS2 secret is write-only) and the connection test. */
@RestController("dhis2syncSettingsController")
@RequestMapping(WebPaths.BASE + "/settings")
public class SettingsController {

    private final Dhis2SyncService service;
    private final RequestGuard guard;
    private final JsonBodies bodies = new JsonBodies();

    public SettingsController(Dhis2SyncService service, RequestAuthorization authorization) {
        this.service = service;
        this.guard = new RequestGuard(authorization);
    }

    @GetMapping
    public SettingsBody get() {
        guard.read(Dhis2SyncPrivileges.MANAGE_SETTINGS);
        return SettingsBody.of(service.getSettings());
    }

    @PostMapping
    public SettingsBody save(HttpServletRequest request) {
        guard.change(request, Dhis2SyncPrivileges.MANAGE_SETTINGS);
        SettingsRequest body = bodies.require(request, SettingsRequest.class);
        service.saveSettings(SettingsBodies.update(body));
        return SettingsBody.of(service.getSettings());
    }

    @PostMapping("/test-connection")
    public ConnectionBody testConnection(HttpServletRequest request) {
        guard.change(request, Dhis2SyncPrivileges.MANAGE_SETTINGS);
        return ConnectionBody.of(service.testConnection());
    }
}
