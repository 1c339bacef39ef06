// Names instead of uuids, on every screen: what the mappings refer to (GET names: OpenMRS and DHIS2 metadata) and
// OpenMRS records (POST names/records), each read once per page load and kept here.

import { api } from './api.js';
import { h } from './dom.js';
import { canReadPatients } from './session.js';

const mappingNamesCache = new Map();
const recordCache = { patients: new Map(), enrollments: new Map(), encounters: new Map() };

const EMPTY_NAMES = { mappings: {}, openmrs: {}, dhis2: {}, optionSets: {}, problems: [] };

/**
 * The names of what the mappings refer to (all active mappings when none is given): {mappings, openmrs, dhis2,
 * optionSets, problems}. Read once per page load for each set of mappings; a failure gives empty names.
 */
export function mappingNames(mappingUuids = []) {
    const key = [...mappingUuids].sort().join(',');
    if (!mappingNamesCache.has(key)) {
        mappingNamesCache.set(key, api.get('names', mappingUuids.length ? { mapping: mappingUuids } : undefined)
            .catch((e) => ({ ...EMPTY_NAMES, problems: e.auth ? [] : [`Names could not be read: ${e.message}`] })));
    }
    return mappingNamesCache.get(key);
}

/** Forgets DHIS2's names (after the settings point to another DHIS2, or a mapping was saved). */
export function forgetMappingNames() {
    mappingNamesCache.clear();
}

/**
 * Names the records, reading only those not read before in this page load, in one request: {patients,
 * enrollments, encounters} of uuids. Resolves to the cache ({patients: Map, enrollments: Map, encounters: Map});
 * without "Get Patients" nothing is read and the records keep their uuids.
 */
export async function recordNames({ patients = [], enrollments = [], encounters = [] } = {}) {
    if (!canReadPatients()) {
        return recordCache;
    }
    const missing = (list, cache) => [...new Set(list.filter((uuid) => uuid && !cache.has(uuid)))];
    const wanted = {
        patients: missing(patients, recordCache.patients),
        enrollments: missing(enrollments, recordCache.enrollments),
        encounters: missing(encounters, recordCache.encounters),
    };
    if (!wanted.patients.length && !wanted.enrollments.length && !wanted.encounters.length) {
        return recordCache;
    }
    try {
        const found = await api.post('names/records', wanted);
        for (const kind of ['patients', 'enrollments', 'encounters']) {
            Object.entries(found[kind] || {}).forEach(([uuid, value]) => recordCache[kind].set(uuid, value));
            // a uuid OpenMRS no longer has is not asked again
            wanted[kind].forEach((uuid) => { if (!recordCache[kind].has(uuid)) recordCache[kind].set(uuid, null); });
        }
    } catch (ignored) {
        // the records keep their uuids; an auth problem is shown once by the page
    }
    return recordCache;
}

/** A record's description ({patientName, patientIdentifier, programName, encounterTypeUuid, encounterTypeName, date}) from the cache. */
export function recordFromCache(category, uuid) {
    if (category === 'INSTANCE') {
        const p = recordCache.patients.get(uuid);
        return p ? { patientUuid: uuid, patientName: p.name, patientIdentifier: p.identifier } : null;
    }
    const item = category === 'ENROLLMENT' ? recordCache.enrollments.get(uuid) : recordCache.encounters.get(uuid);
    if (!item) {
        return null;
    }
    const p = recordCache.patients.get(item.patientUuid) || {};
    return {
        patientUuid: item.patientUuid,
        patientName: p.name,
        patientIdentifier: p.identifier,
        programName: item.programName,
        encounterTypeUuid: item.encounterTypeUuid,
        encounterTypeName: item.encounterTypeName,
        date: item.dateEnrolled || item.encounterDatetime,
    };
}

/** "Jane Doe (NID-0001)". */
export function patientLabel(name, identifier) {
    const who = name || 'Unnamed patient';
    return identifier ? `${who} (${identifier})` : who;
}

const CATEGORY_WORD = { INSTANCE: 'Patient', ENROLLMENT: 'Enrollment', EVENT: 'Event' };

/**
 * What a record is, in words: a patient as "Jane Doe (NID-0001)", an enrollment as "<program> enrollment of <patient>,
 * <date>", an event as "<stage>, visit <date> of <patient>". Without names: "<Category> <uuid>".
 *
 * @param record the server's description of it ({patientName, patientIdentifier, programName, encounterTypeName, date}) or null
 * @param stageName the DHIS2 stage of an event, when known
 */
export function describeRecord(category, uuid, record, stageName) {
    if (!record) {
        return `${CATEGORY_WORD[category] || category} ${uuid}`;
    }
    const patient = patientLabel(record.patientName, record.patientIdentifier);
    const day = (record.date || '').slice(0, 10);
    if (category === 'INSTANCE') {
        return patient;
    }
    if (category === 'ENROLLMENT') {
        return `${record.programName || 'Program'} enrollment of ${patient}${day ? `, ${day}` : ''}`;
    }
    return `${stageName || record.encounterTypeName || 'Event'}, visit ${day || '(no date)'} of ${patient}`;
}

/**
 * The DHIS2 stage an event of the mapping goes to: the stage named in the message ("stage <UID>: …"), the mapping's
 * only stage, or the stage fed by the encounter's type; null when it cannot be told.
 */
export function stageOf(names, mappingUuid, record, message) {
    const named = /stage ([A-Za-z][A-Za-z0-9]{10})\b/.exec(message || '');
    if (named) {
        return named[1];
    }
    const outline = ((names && names.mappings) || {})[mappingUuid];
    if (!outline || !outline.stages.length) {
        return null;
    }
    if (outline.stages.length === 1) {
        return outline.stages[0].programStageUid;
    }
    const fed = record && outline.stages.find((s) => s.feedKind === 'ENCOUNTER_TYPE' && s.feedReference === record.encounterTypeUuid);
    return fed ? fed.programStageUid : null;
}

/** The name of a DHIS2 object (by UID) or OpenMRS object (by uuid) from the mapping names, or null. */
export function nameOf(names, id) {
    if (!names || !id) {
        return null;
    }
    const dhis2 = names.dhis2 && names.dhis2[id];
    if (dhis2) {
        return dhis2.name;
    }
    return (names.openmrs && names.openmrs[id]) || null;
}

/** A name with its id beside it (small, and on hover); the id alone when there is no name. */
export function named(name, id) {
    if (!id) {
        return name || '';
    }
    if (!name) {
        return h('span', { class: 'mono id-only' }, id);
    }
    return h('span', { class: 'named', title: id }, h('span', { class: 'name' }, name), ' ', h('span', { class: 'id' }, id));
}
