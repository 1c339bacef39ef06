package org.openmrs.api;

import java.util.List;

import org.openmrs.Location;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.api.LocationService} (compile only):
 * the one method the module calls; its {@code @Authorized} annotation is left out.
 */
public interface LocationService extends OpenmrsService {

    List<Location> getAllLocations(boolean includeRetired) throws APIException;
}
