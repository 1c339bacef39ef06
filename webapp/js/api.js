// The REST API of the module (docs/rest-api.md), called with the Bahmni session of the page's origin.

const API_PATH = '/ws/rest/v1/dhis2sync';
const PAGE_MARKER = '/moduleResources/';

/**
 * The API's base: a <meta name="dhis2sync-api" content="..."> when it has content (tests, other hosts), otherwise
 * derived from where the page is: <ctx>/moduleResources/dhis2sync/ → <ctx>/ws/rest/v1/dhis2sync.
 */
export function apiBase(doc = document, loc = location) {
    const meta = doc.querySelector('meta[name="dhis2sync-api"]');
    const configured = meta && meta.getAttribute('content');
    if (configured && configured.trim()) {
        return configured.trim().replace(/\/+$/, '');
    }
    const at = loc.pathname.indexOf(PAGE_MARKER);
    const context = at >= 0 ? loc.pathname.slice(0, at) : '/openmrs';
    return context + API_PATH;
}

export const PRIVILEGES = {
    mappings: 'Manage DHIS2 Sync Mappings',
    run: 'Run DHIS2 Sync',
    logs: 'View DHIS2 Sync Logs',
    settings: 'Manage DHIS2 Sync Settings',
};

export class ApiError extends Error {
    /**
     * @param status HTTP status (0 when the server could not be reached)
     * @param errors [{field, message}] — field null for an error of the whole request
     */
    constructor(status, message, errors, auth) {
        super(message);
        this.name = 'ApiError';
        this.status = status;
        this.errors = errors;
        this.auth = !!auth;
    }

    /** The errors that name a field. */
    get fieldErrors() {
        return this.errors.filter((e) => e.field);
    }
}

/** Reads {"error":{"message","field"}} (and tolerates a list of them) into [{field, message}]. */
export function readErrors(body) {
    if (!body || typeof body !== 'object') {
        return [];
    }
    const list = [];
    const add = (e) => {
        if (e && (e.message || e.field)) {
            list.push({ field: e.field || null, message: e.message || 'invalid' });
        }
    };
    if (body.error) {
        add(body.error);
        (body.error.errors || []).forEach(add);
    }
    (body.errors || []).forEach(add);
    return list;
}

const listeners = new Set();

/**
 * Registers fn(kind, text) for 401 / 403, which the shell shows once for the whole page: kind "anonymous" (no
 * session at all: nothing has been answered in this page load), "expired" (a session that ended), "forbidden".
 */
export function onAuthProblem(fn) {
    listeners.add(fn);
    return () => listeners.delete(fn);
}

function authProblem(kind, text) {
    listeners.forEach((fn) => fn(kind, text));
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'DELETE']);

/** Whether the server has answered a request of this page load: a 401 then means the session ended. */
let answeredBefore = false;

/**
 * One call. query: object of parameters (arrays repeat the parameter). Resolves to the parsed JSON (null for 204),
 * or {text, filename} with raw=true. Rejects with ApiError.
 */
export async function request(method, path, { query, body, raw } = {}) {
    const url = apiBase() + '/' + path.replace(/^\/+/, '') + queryString(query);
    const headers = { Accept: 'application/json' };
    if (STATE_CHANGING.has(method)) {
        // the REST layer refuses a state change without these (CSRF defence: a cross-site form can set neither)
        headers['X-Requested-With'] = 'XMLHttpRequest';
        headers['Content-Type'] = 'application/json';
    }
    let response;
    try {
        response = await fetch(url, {
            method,
            headers,
            credentials: 'same-origin',
            body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
        });
    } catch (e) {
        throw new ApiError(0, 'The OpenMRS server could not be reached: ' + e.message, [
            { field: null, message: 'The OpenMRS server could not be reached: ' + e.message }]);
    }
    const text = await response.text();
    if (!response.ok) {
        throw failure(method, response, text);
    }
    answeredBefore = true;
    if (raw) {
        return { text, filename: filenameOf(response) };
    }
    if (response.status === 204 || !text) {
        return null;
    }
    return JSON.parse(text);
}

function failure(method, response, text) {
    let parsed = null;
    try {
        parsed = text ? JSON.parse(text) : null;
    } catch (notJson) {
        parsed = null;
    }
    let errors = readErrors(parsed);
    const serverText = errors.length ? errors[0].message : '';
    let auth = false;
    let messageText;
    if (response.status === 401) {
        auth = true;
        if (answeredBefore) {
            messageText = 'Your session has expired: log in to Bahmni again.';
            authProblem('expired', messageText);
        } else {
            messageText = 'You are not logged in: log in to Bahmni first.';
            authProblem('anonymous', messageText);
        }
    } else if (response.status === 403 && STATE_CHANGING.has(method) && /X-Requested-With|Content-Type/i.test(serverText)) {
        messageText = serverText;
    } else if (response.status === 403) {
        auth = true;
        // the server's own words name the privilege that is missing
        messageText = serverText || 'You are not allowed to do this: ask an administrator for the privilege.';
        authProblem('forbidden', messageText);
    } else {
        messageText = serverText || `The server answered ${response.status} ${response.statusText}`.trim();
    }
    if (!errors.length || auth) {
        errors = [{ field: null, message: messageText }];
    }
    return new ApiError(response.status, messageText, errors, auth);
}

function queryString(query) {
    if (!query) {
        return '';
    }
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
        if (value === undefined || value === null || value === '') {
            continue;
        }
        (Array.isArray(value) ? value : [value]).forEach((v) => params.append(key, String(v)));
    }
    const text = params.toString();
    return text ? '?' + text : '';
}

function filenameOf(response) {
    const disposition = response.headers.get('Content-Disposition') || '';
    const match = /filename="?([^";]+)"?/i.exec(disposition);
    return match ? match[1] : null;
}

export const api = {
    get: (path, query) => request('GET', path, { query }),
    post: (path, body, query) => request('POST', path, { body, query }),
    del: (path, query) => request('DELETE', path, { query }),
    download: (path, query) => request('GET', path, { query, raw: true }),
};
