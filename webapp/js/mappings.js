// Mapping dashboard: the mappings with Edit, Export and Retire; Add mapping; Import mapping; Export all.

import { api, PRIVILEGES } from './api.js';
import { h, clear, message, table, formatMoment, downloadText, problemNote } from './dom.js';
import { navigate } from './nav.js';
import { can } from './session.js';
import { mappingNames, nameOf, named, forgetMappingNames } from './names.js';

const EXPORT_FILENAME = 'dhis2sync-mappings.json';

export async function renderMappings(root) {
    const manage = can(PRIVILEGES.mappings);
    const status = h('div', { class: 'status-area', 'aria-live': 'polite' });
    const listArea = h('div', { class: 'list-area' });
    const fileInput = h('input', {
        type: 'file', id: 'import-file', accept: '.json,application/json', class: 'visually-hidden',
        onchange: () => importFile(fileInput, status, () => load(listArea, status, manage)),
    });
    root.append(
        h('div', { class: 'screen-head' },
            h('h2', {}, 'Mappings'),
            // adding, importing and exporting need "Manage DHIS2 Sync Mappings": not offered to others
            manage ? h('div', { class: 'toolbar' },
                h('button', { type: 'button', class: 'primary', onclick: () => navigate('#/mappings/new') }, '+ Add mapping'),
                h('label', { class: 'button', for: 'import-file' }, 'Import mapping'),
                fileInput,
                h('button', { type: 'button', id: 'export-all', onclick: () => exportMappings(null, status) }, 'Export all')) : null),
        h('p', { class: 'intro' }, 'Each mapping sends one OpenMRS program to one DHIS2 tracker program: which patient fields '
            + 'become tracked entity attributes, and which encounters and observations become events and data values.'),
        status,
        listArea);
    if (manage) {
        // the label opens the file chooser on click; this opens it from the keyboard too
        root.querySelector('label[for="import-file"]').tabIndex = 0;
        root.querySelector('label[for="import-file"]').addEventListener('keydown', (event) => {
            if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                fileInput.click();
            }
        });
    }
    await load(listArea, status, manage);
}

async function load(area, status, manage) {
    clear(area);
    let mappings;
    try {
        mappings = (await api.get('mappings', { includeRetired: false })).results;
    } catch (e) {
        area.append(problemNote('The mappings could not be read', e) || '');
        return;
    }
    if (!mappings.length) {
        area.append(message('info', manage ? 'There is no mapping yet. Add one, or import a file exported from another clinic.'
            : 'There is no mapping yet.'));
        return;
    }
    const names = await mappingNames();
    (names.problems || []).forEach((p) => area.append(message('warning', `${p} The programs are shown by their ids.`)));
    const rows = mappings.map((m) => h('tr', { dataset: { uuid: m.uuid } },
        h('th', { scope: 'row' }, m.name),
        h('td', { class: 'openmrs-program' }, named(nameOf(names, m.openmrsProgramUuid), m.openmrsProgramUuid)),
        h('td', { class: 'dhis2-program' }, named(nameOf(names, m.dhis2ProgramUid), m.dhis2ProgramUid)),
        h('td', {}, m.lastSuccessfulSync ? formatMoment(m.lastSuccessfulSync) : h('span', { class: 'muted' }, 'never')),
        // editing, exporting and retiring need "Manage DHIS2 Sync Mappings": not offered to others
        manage ? h('td', { class: 'actions' },
            h('button', { type: 'button', onclick: () => navigate(`#/mappings/${encodeURIComponent(m.uuid)}`), 'aria-label': `Edit ${m.name}` }, 'Edit'),
            h('button', { type: 'button', onclick: () => exportMappings(m, status), 'aria-label': `Export ${m.name}` }, 'Export'),
            h('button', { type: 'button', class: 'danger', onclick: (event) => retire(m, event.target, area, status), 'aria-label': `Retire ${m.name}` }, 'Retire')) : null));
    const headers = ['Mapping name', 'OpenMRS program', 'DHIS2 program', 'Last successful sync'];
    area.append(table(null, manage ? [...headers, 'Actions'] : headers, rows, { class: 'mappings' }));
}

async function exportMappings(mapping, status) {
    clear(status);
    try {
        const { text, filename } = await api.download('mappings/export', mapping ? { uuid: mapping.uuid } : undefined);
        const name = mapping ? `dhis2sync-mapping-${mapping.name.replace(/[^A-Za-z0-9._-]+/g, '-')}.json` : (filename || EXPORT_FILENAME);
        downloadText(text, name);
        status.append(message('success', mapping ? `Exported “${mapping.name}” to ${name}.` : `Exported all mappings to ${name}.`));
    } catch (e) {
        status.append(message('error', `Export failed: ${e.message}`));
    }
}

async function importFile(input, status, reload) {
    clear(status);
    const file = input.files && input.files[0];
    if (!file) {
        return;
    }
    input.value = '';
    const text = await file.text();
    try {
        JSON.parse(text);
    } catch (e) {
        status.append(message('error', `${file.name} is not a JSON file: ${e.message}`));
        return;
    }
    let result;
    try {
        result = await api.post('mappings/import', text);
    } catch (e) {
        status.append(message('error', `Import of ${file.name} failed: ${e.fieldErrors.length
            ? e.errors.map((x) => (x.field ? `${x.field}: ${x.message}` : x.message)).join('; ') : e.message}`));
        return;
    }
    const parts = [];
    if (result.imported.length) {
        parts.push(message('success', `Imported: ${result.imported.join(', ')}.`));
    }
    (result.conflicts || []).forEach((c) => parts.push(message('warning',
        `Not imported: “${c.name}”: ${c.message}`)));
    (result.errors || []).forEach((e) => parts.push(message('error',
        `Not imported: “${e.name || '(no name)'}”${e.field ? ` (${e.field})` : ''}: ${e.message}`)));
    if (!parts.length) {
        parts.push(message('info', `${file.name} held no mapping.`));
    }
    status.append(h('div', { class: 'import-result' }, h('h3', {}, `Import of ${file.name}`), parts));
    forgetMappingNames();
    await reload();
}

function retire(mapping, button, area, status) {
    const row = button.closest('tr');
    if (row.nextElementSibling && row.nextElementSibling.classList.contains('retire-row')) {
        row.nextElementSibling.querySelector('input').focus();
        return;
    }
    const reason = h('input', { type: 'text', id: `retire-${mapping.uuid}`, required: true });
    const form = h('form', {
        class: 'inline-form',
        onsubmit: async (event) => {
            event.preventDefault();
            clear(status);
            if (!reason.value.trim()) {
                reason.setCustomValidity('Give a reason');
                reason.reportValidity();
                return;
            }
            try {
                await api.del(`mappings/${encodeURIComponent(mapping.uuid)}`, { reason: reason.value.trim() });
                status.append(message('success', `Retired “${mapping.name}”. Its history is kept.`));
                await load(area, status, true);
            } catch (e) {
                status.append(message('error', `“${mapping.name}” could not be retired: ${e.message}`));
            }
        },
    }, h('label', { for: reason.id }, `Why retire “${mapping.name}”?`), reason,
    h('button', { type: 'submit', class: 'danger' }, 'Retire'),
    h('button', { type: 'button', onclick: () => { extra.remove(); button.focus(); } }, 'Cancel'));
    reason.addEventListener('input', () => reason.setCustomValidity(''));
    const extra = h('tr', { class: 'retire-row' }, h('td', { colspan: '5' }, form));
    row.after(extra);
    reason.focus();
}
