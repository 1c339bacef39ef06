// OpenMRS records on screen by what they are: a patient by name and preferred identifier, an enrollment by its
// program and date, an event by its stage and visit date; the uuid on hover, and a link to the patient's sync status.

import { h } from './dom.js';
import { PRIVILEGES } from './api.js';
import { can, canReadPatients } from './session.js';
import { describeRecord, stageOf, nameOf, recordNames, recordFromCache } from './names.js';

/** A link to the patient's sync status screen, when the user may see it. */
export function patientStatusLink(patientUuid, text = 'Sync status') {
    if (!patientUuid || !can(PRIVILEGES.logs) || !canReadPatients()) {
        return null;
    }
    return h('a', { class: 'status-link', href: `#/patients/${encodeURIComponent(patientUuid)}` }, text);
}

/**
 * A record's cell: its description (the uuid on hover) and a link to its patient's sync status.
 *
 * @param record the server's description ({patientUuid, patientName, ...}) or null
 * @param names the mapping names (for an event's stage), or null
 * @param mappingUuid the mapping the record belongs to (for an event's stage)
 * @param note a message that may name the stage ("stage <UID>: …")
 * @param link false on the patient's own status screen
 */
export function recordCell(category, uuid, record, { names, mappingUuid, note, link = true } = {}) {
    const stageUid = category === 'EVENT' ? stageOf(names, mappingUuid, record, note) : null;
    const text = describeRecord(category, uuid, record, stageUid ? nameOf(names, stageUid) : null);
    const statusLink = record && link ? patientStatusLink(record.patientUuid) : null;
    return h('span', { class: 'record' }, h('span', { class: 'record-name', title: `OpenMRS uuid: ${uuid}` }, text),
        statusLink ? [' ', statusLink] : null);
}

const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * A message with the OpenMRS uuids it mentions replaced by what they are (when known; the uuid stays on hover).
 * DHIS2's own words are kept: only uuids are replaced.
 *
 * @param label (uuid) => its words, or null when unknown
 */
export function withNames(text, label) {
    const parts = [];
    let last = 0;
    for (const match of String(text || '').matchAll(UUID_IN_TEXT)) {
        const words = label(match[0]);
        if (words) {
            parts.push(text.slice(last, match.index), h('span', { class: 'named-inline', title: match[0] }, words));
            last = match.index + match[0].length;
        }
    }
    parts.push(String(text || '').slice(last));
    return parts;
}

/** Words for the uuids of the records named so far in this page load (patients, enrollments, encounters). */
export function labelFromCache(uuid) {
    for (const category of ['INSTANCE', 'ENROLLMENT', 'EVENT']) {
        const record = recordFromCache(category, uuid);
        if (record) {
            return describeRecord(category, uuid, record, null);
        }
    }
    return null;
}

/** Words for the uuids of records described by the server: each record, and its patient. */
export function labelsOf(items) {
    const labels = new Map();
    items.forEach(({ category, uuid, record }) => {
        if (record) {
            labels.set(uuid, describeRecord(category, uuid, record, null));
            if (record.patientUuid && record.patientName) {
                labels.set(record.patientUuid, describeRecord('INSTANCE', record.patientUuid, record, null));
            }
        }
    });
    return (uuid) => labels.get(uuid) || null;
}

/** "EVENT <uuid>: <message>", a line of a run's errors or of a log's details; null for other lines. */
export function parseFailureLine(line) {
    const m = /^(INSTANCE|ENROLLMENT|EVENT) ([A-Za-z0-9-]{1,38}): ([\s\S]*)$/.exec(line || '');
    return m ? { category: m[1], uuid: m[2], message: m[3] } : null;
}

const KIND = { INSTANCE: 'patients', ENROLLMENT: 'enrollments', EVENT: 'encounters' };

/**
 * Lines of a run's errors or a log's details as a list, each record named (the names read in one request for all
 * of them); lines that name no record are kept as they are.
 */
export async function namedLines(lines, { names, mappingUuid } = {}) {
    const parsed = lines.map((line) => ({ line, failure: parseFailureLine(line) }));
    const wanted = { patients: [], enrollments: [], encounters: [] };
    parsed.forEach(({ failure }) => {
        if (failure) {
            wanted[KIND[failure.category]].push(failure.uuid);
        }
    });
    await recordNames(wanted);
    return h('ul', { class: 'run-errors' }, parsed.map(({ line, failure }) => {
        if (!failure) {
            return h('li', {}, line);
        }
        const record = recordFromCache(failure.category, failure.uuid);
        return h('li', {}, recordCell(failure.category, failure.uuid, record, { names, mappingUuid, note: failure.message }),
            ': ', withNames(failure.message, labelFromCache));
    }));
}
