// Who uses the page: the user and which of the module's privileges they hold (GET session, once per page load),
// so that each screen offers only what the user may do.

import { api, PRIVILEGES } from './api.js';

let current = null;

/**
 * Reads the session. Resolves to {user, privileges, openmrsPrivileges}; rejects (ApiError) when not logged in.
 * A server without the session endpoint (an older module) is taken as allowing everything: its own checks stay.
 */
export async function loadSession() {
    try {
        current = await api.get('session');
    } catch (e) {
        if (e.status === 404) {
            current = { user: null, privileges: Object.values(PRIVILEGES), openmrsPrivileges: { 'Get Patients': true } };
        } else {
            current = null;
            throw e;
        }
    }
    return current;
}

/** Whether the user holds that module privilege. */
export function can(privilege) {
    return !!current && current.privileges.includes(privilege);
}

/** Whether the user holds any of the privileges. */
export function canAny(...privileges) {
    return privileges.some(can);
}

/** Patients are named and found only for users with OpenMRS's "Get Patients". */
export function canReadPatients() {
    return !!current && !!(current.openmrsPrivileges || {})['Get Patients'];
}

export function userName() {
    return current ? current.user : null;
}
