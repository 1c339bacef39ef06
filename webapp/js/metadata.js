// Search functions for the pickers, over the module's metadata endpoints. Small OpenMRS lists are read once and
// filtered here; DHIS2 lists are searched on the server (proxied to DHIS2), a page at a time.

import { api } from './api.js';
import { itemsOf, filterLocal } from './picker.js';

const PAGE_SIZE = 50;
const cache = new Map();

function once(key, load) {
    if (!cache.has(key)) {
        const promise = load().catch((e) => {
            cache.delete(key); // a failure is not remembered: the next search tries again
            throw e;
        });
        cache.set(key, promise);
    }
    return cache.get(key);
}

/** Forgets what was read (after the settings changed the DHIS2 server). */
export function forgetMetadata() {
    cache.clear();
}

/** OpenMRS programs, encounter types, forms, locations, attribute and identifier types: read once, filtered here. */
export function openmrsList(kind) {
    return async (q) => {
        const results = await once(`openmrs:${kind}`, async () => (await api.get(`metadata/openmrs/${kind}`)).results);
        const idKey = kind === 'forms' ? 'name' : 'uuid';
        return filterLocal(itemsOf(results, idKey, (r) => (kind === 'forms' ? r.description : r.description) || undefined), q);
    };
}

/** OpenMRS concepts (searched on the server; at least 2 characters). */
export async function searchConcepts(q) {
    const { results } = await api.get('metadata/openmrs/concepts', { q });
    results.forEach((c) => conceptInfo.set(c.uuid, c));
    return itemsOf(results, 'uuid', (c) => c.datatype);
}

/** Concepts seen in searches, by uuid (their answers feed the coded answers table). */
export const conceptInfo = new Map();

/** The instance source-field catalogue: [{source, label}]. */
export function patientFields() {
    return once('openmrs:patientFields', async () => (await api.get('metadata/openmrs/patientFields')).results);
}

/** DHIS2 objects seen in searches, by id (to learn a data element's value type and option set). */
export const dhis2Info = new Map();

export function dhis2Search(kind, detail) {
    return async (q) => {
        const { results } = await api.get(`metadata/dhis2/${kind}`, { q, page: 1, pageSize: PAGE_SIZE });
        results.forEach((r) => dhis2Info.set(r.id, r));
        return itemsOf(results, 'id', detail);
    };
}

/** A DHIS2 program by UID (with its stages), from the programs endpoint. */
export async function dhis2Program(uid) {
    if (dhis2Info.has(uid) && dhis2Info.get(uid).programStages) {
        return dhis2Info.get(uid);
    }
    for (const q of [uid, '']) {
        const { results } = await api.get('metadata/dhis2/programs', { q, page: 1, pageSize: 500 });
        results.forEach((r) => dhis2Info.set(r.id, r));
        const found = results.find((p) => p.id === uid);
        if (found) {
            return found;
        }
    }
    return null;
}

/** Every option set (with options), read once. */
export function optionSets() {
    return once('dhis2:optionSets', async () => {
        const { results } = await api.get('metadata/dhis2/optionSets', { page: 1, pageSize: 500 });
        return results;
    });
}

/** The option set UID of a DHIS2 data element or attribute, whatever shape the server gives it. */
export function optionSetOf(info) {
    if (!info) {
        return null;
    }
    const set = info.optionSet || info.optionSetUid;
    if (!set) {
        return null;
    }
    return typeof set === 'string' ? set : set.id;
}
