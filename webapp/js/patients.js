// Patients: find a patient by identifier or name, then see where they stand with DHIS2 — their tracked entity,
// enrollment and event UIDs, what was sent and when, what DHIS2 refused last in its own words, what a run would send
// now, and links that open the enrollment in DHIS2's Capture app.

import { api } from './api.js';
import { h, clear, message, field, formatMoment, table, problemNote } from './dom.js';
import { canReadPatients } from './session.js';
import { mappingNames, nameOf, named, patientLabel } from './names.js';
import { recordCell, withNames, labelsOf } from './records.js';

const CATEGORY = { INSTANCE: 'Patient', ENROLLMENT: 'Enrollment', EVENT: 'Event' };

export async function renderPatients(root, patientUuid) {
    if (!canReadPatients()) {
        root.append(h('h2', {}, 'Patients'), message('warning', 'Finding patients and showing them by name needs the OpenMRS '
            + 'privilege “Get Patients” as well as “View DHIS2 Sync Logs”: ask an administrator to give it to your role.'));
        return null;
    }
    if (patientUuid) {
        await renderStatus(root, patientUuid);
    } else {
        renderSearch(root);
    }
    return null;
}

function renderSearch(root) {
    const query = h('input', { type: 'search', name: 'q', autocomplete: 'off', minlength: '2', required: true });
    const results = h('div', { class: 'results', 'aria-live': 'polite' });
    const form = h('form', {
        class: 'filters', role: 'search', 'aria-label': 'Find a patient',
        onsubmit: async (event) => {
            event.preventDefault();
            clear(results);
            const q = query.value.trim();
            if (q.length < 2) {
                results.append(message('info', 'Type at least 2 characters of an identifier or a name.'));
                return;
            }
            let found;
            try {
                found = (await api.get('patients', { q })).results;
            } catch (e) {
                results.append(problemNote('The search failed', e) || '');
                return;
            }
            if (!found.length) {
                results.append(message('info', `No patient has an identifier starting with “${q}” or a name with those words.`));
                return;
            }
            results.append(table(`Patients found (${found.length})`, ['Patient', 'Identifier', 'Born', ''], found.map((p) => h('tr', { dataset: { uuid: p.uuid } },
                h('th', { scope: 'row', title: `OpenMRS uuid: ${p.uuid}` }, p.name || 'Unnamed patient'),
                h('td', {}, p.identifier ? [p.identifier, p.identifierType ? h('span', { class: 'muted' }, ` ${p.identifierType}`) : null] : ''),
                h('td', {}, p.birthdate || ''),
                h('td', {}, h('a', { href: `#/patients/${encodeURIComponent(p.uuid)}`, 'aria-label': `Sync status of ${patientLabel(p.name, p.identifier)}` }, 'Sync status')))),
            { class: 'patients' }));
        },
    }, field('Identifier or name', query, 'The start of an identifier (e.g. NID-00), or words of the name.'),
    h('div', { class: 'field filter-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Find')));
    root.append(h('h2', {}, 'Patients'),
        h('p', { class: 'intro' }, 'Find a patient to see what was sent of them to DHIS2, what DHIS2 refused and what the next run would send.'),
        form, results);
}

async function renderStatus(root, patientUuid) {
    const heading = h('h2', {}, 'Patient');
    root.append(heading, h('p', {}, h('a', { href: '#/patients' }, '‹ Find another patient')));
    let status;
    try {
        status = await api.get(`patients/${encodeURIComponent(patientUuid)}/status`);
    } catch (e) {
        root.append(e.status === 404 ? message('warning', `OpenMRS has no patient ${patientUuid}.`)
            : (problemNote('The patient\'s sync status could not be read', e) || ''));
        return;
    }
    const p = status.patient;
    heading.textContent = patientLabel(p.name, p.identifier);
    const names = await mappingNames(status.mappings.map((m) => m.mappingUuid));
    root.append(h('p', { class: 'muted patient-ids' }, p.identifierType ? `${p.identifierType} ${p.identifier} · ` : '',
        'OpenMRS uuid ', h('span', { class: 'mono' }, p.uuid)));
    const te = status.trackedEntity;
    root.append(h('section', { class: 'section', 'aria-labelledby': 'te-h' }, h('h3', { id: 'te-h' }, 'Tracked entity in DHIS2'),
        te ? h('dl', { class: 'facts' },
            h('dt', {}, 'UID'), h('dd', { class: 'mono' }, te.dhis2Uid),
            h('dt', {}, 'State'), h('dd', {}, te.confirmed ? 'accepted by DHIS2' : 'UID given, not yet accepted by DHIS2'),
            h('dt', {}, 'First sent'), h('dd', {}, formatMoment(te.firstSent)),
            h('dt', {}, 'Last accepted'), h('dd', {}, te.lastConfirmed ? formatMoment(te.lastConfirmed) : '—'))
            : message('info', 'This patient has not been sent to DHIS2.')));
    if (!status.mappings.length) {
        root.append(message('info', 'This patient is enrolled in no program a mapping sends.'));
    }
    status.mappings.forEach((m) => root.append(mappingSection(m, names)));
}

function mappingSection(m, names) {
    const headingId = `mapping-${m.mappingUuid}`;
    const section = h('section', { class: 'section mapping-status', 'aria-labelledby': headingId, dataset: { mappingUuid: m.mappingUuid } },
        h('h3', { id: headingId }, m.mappingName, ' → ', named(nameOf(names, m.dhis2ProgramUid), m.dhis2ProgramUid)));
    const label = labelsOf([...m.enrollments, ...m.events, ...m.failures, ...m.pending]
        .map((r) => ({ category: r.category, uuid: r.openmrsUuid, record: r.record })));
    const cell = (r, note) => recordCell(r.category, r.openmrsUuid, r.record, { names, mappingUuid: m.mappingUuid, note, link: false });
    section.append(h('h4', {}, 'Enrollments'), m.enrollments.length ? table(null, ['Enrollment', 'DHIS2 UID', 'Status sent', 'First sent', 'Last accepted', 'In DHIS2'],
        m.enrollments.map((e) => h('tr', {},
            h('td', { class: 'record-cell' }, cell(e)),
            h('td', { class: 'mono' }, e.dhis2Uid || h('span', { class: 'muted' }, 'not sent')),
            h('td', {}, e.status || ''),
            h('td', {}, e.firstSent ? formatMoment(e.firstSent) : ''),
            h('td', {}, e.lastConfirmed ? formatMoment(e.lastConfirmed) : (e.dhis2Uid ? 'not yet' : '')),
            h('td', {}, e.captureUrl ? h('a', { href: e.captureUrl, target: '_blank', rel: 'noopener', class: 'capture-link' }, 'Open in Capture') : ''))),
        { class: 'enrollments' }) : message('info', 'No enrollment in this program.'));
    section.append(h('h4', {}, 'Events'), m.events.length ? table(null, ['Event', 'DHIS2 UID', 'First sent', 'Last accepted'],
        m.events.map((e) => h('tr', {},
            h('td', { class: 'record-cell' }, recordCell('EVENT', e.openmrsUuid, e.record, { names, mappingUuid: m.mappingUuid, note: `stage ${e.programStageUid}`, link: false })),
            h('td', { class: 'mono' }, e.dhis2Uid),
            h('td', {}, formatMoment(e.firstSent)),
            h('td', {}, e.lastConfirmed ? formatMoment(e.lastConfirmed) : 'not yet'))),
        { class: 'events' }) : message('info', 'No event sent.'));
    section.append(h('h4', {}, 'Refused by DHIS2'), m.failures.length ? h('ul', { class: 'refusals' }, m.failures.map((f) => h('li', {},
        h('strong', {}, CATEGORY[f.category] || f.category), ' ', cell(f, f.message), ': ',
        f.errorCode && !(f.message || '').startsWith(f.errorCode) ? [h('code', {}, f.errorCode), ' '] : null,
        h('span', { class: 'dhis2-message' }, withNames(f.message, label)),
        h('span', { class: 'muted' }, ` — ${f.attempts} attempt${f.attempts === 1 ? '' : 's'}, last ${formatMoment(f.lastFailure)}; retried by the next run`))))
        : message('success', 'Nothing of this patient is waiting for a retry.'));
    section.append(h('h4', {}, 'Waiting to be sent'));
    if (m.pendingProblem) {
        section.append(message('warning', m.pendingProblem));
    } else if (!m.pending.length) {
        section.append(message('success', 'Nothing of this patient is waiting to be sent.'));
    } else {
        section.append(table(null, ['Record', 'NEW / UPDATE', 'Mapped values', 'Note'], m.pending.map((r) => h('tr', { dataset: { category: r.category } },
            h('td', { class: 'record-cell' }, h('span', { class: 'category' }, CATEGORY[r.category] || r.category), ' ', cell(r, r.error)),
            h('td', {}, r.decision ? h('span', { class: `badge badge-${r.decision.toLowerCase()}` }, r.decision) : h('span', { class: 'muted' }, 'cannot be sent')),
            h('td', {}, Object.keys(r.values || {}).length ? h('dl', { class: 'values' }, Object.entries(r.values).map(([uid, value]) => [
                h('dt', { title: uid }, nameOf(names, uid) || uid),
                h('dd', {}, value === null ? '(cleared)' : (nameOf(names, value) ? named(nameOf(names, value), value) : String(value)))])) : ''),
            h('td', { class: r.error ? 'bad text' : 'text' }, r.error ? withNames(r.error, label) : (r.status || '')))), { class: 'pending' }));
    }
    return section;
}
