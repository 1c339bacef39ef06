// The installation's locations → DHIS2 org units table, shown under the mapping editor: one table shared by every
// mapping, saved row by row, each location and org unit by name. Each row's org unit is the field
// orgUnits.<location uuid> of the mapping health check's problems.

import { api } from './api.js';
import { h, clear, message } from './dom.js';
import { createPicker } from './picker.js';
import { showErrors, clearErrors, UID_PATTERN, UID_HINT, removeButton } from './forms.js';
import * as md from './metadata.js';
import { named } from './names.js';

/** @param namesPromise the names of the mapping being edited (org units among them), or a promise of null */
export async function orgUnitSection(namesPromise) {
    const body = h('tbody');
    const status = h('div', { 'aria-live': 'polite' });
    const section = h('section', { class: 'section org-units', 'aria-labelledby': 'org-units-h' },
        h('h3', { id: 'org-units-h' }, 'Locations → DHIS2 org units'),
        h('p', { class: 'hint' }, 'One table for the whole installation, shared by every mapping: the org unit of an event '
            + 'is that of the encounter\'s location, else of the patient\'s registration location, else the default org unit '
            + 'of the settings. Each row is saved on its own.'),
        status);
    let rows = [];
    try {
        rows = (await api.get('org-units')).results;
    } catch (e) {
        section.append(message('error', `The org unit table could not be read: ${e.message}`));
        return section;
    }
    const names = (await namesPromise) || { dhis2: {} };
    const orgUnitName = (uid) => (uid && names.dhis2[uid] ? names.dhis2[uid].name : '');
    // each row's org unit is the field orgUnits.<location uuid> of the health check's problems
    const orgUnitPicker = (value, label, locationUuid, name) => createPicker({
        label, value, name: name || orgUnitName(value), acceptsTyped: true, field: locationUuid ? `orgUnits.${locationUuid}` : 'orgUnitUid',
        search: md.dhis2Search('orgUnits', (o) => o.path || o.code),
    });
    const saveRow = async (rowEl, locationUuid, picker, button) => {
        clearErrors(rowEl);
        clear(status);
        const orgUnitUid = picker.value;
        if (!UID_PATTERN.test(orgUnitUid)) {
            showErrors(rowEl, [{ field: picker.input.dataset.field, message: orgUnitUid ? `'${orgUnitUid}' is not a DHIS2 UID (${UID_HINT})` : 'required: the DHIS2 org unit' }]);
            return false;
        }
        button.disabled = true;
        try {
            await api.post('org-units', { locationUuid, orgUnitUid });
            status.append(message('success', 'Org unit saved.'));
            return true;
        } catch (e) {
            showErrors(rowEl, e.errors.map((x) => ({ field: picker.input.dataset.field, message: x.message })));
            return false;
        } finally {
            button.disabled = false;
        }
    };
    const existingRow = (r) => {
        const picker = orgUnitPicker(r.orgUnitUid, `DHIS2 org unit of ${r.locationName || r.locationUuid}`, r.locationUuid,
            r.orgUnitName);
        const tr = h('tr', {});
        const saveButton = h('button', { type: 'button', 'aria-label': `Save org unit of ${r.locationName}`, onclick: () => saveRow(tr, r.locationUuid, picker, saveButton) }, 'Save');
        const removeBtn = removeButton(`Remove org unit of ${r.locationName}`, async () => {
            clear(status);
            try {
                await api.del(`org-units/${encodeURIComponent(r.locationUuid)}`);
                tr.remove();
                status.append(message('success', `Removed the org unit of ${r.locationName}.`));
            } catch (e) {
                status.append(message('error', `Could not remove: ${e.message}`));
            }
        });
        tr.append(h('th', { scope: 'row' }, named(r.locationName, r.locationUuid)), h('td', {}, picker.element), h('td', { class: 'actions' }, saveButton, removeBtn));
        return tr;
    };
    rows.forEach((r) => body.append(existingRow(r)));
    const newLocation = createPicker({ label: 'OpenMRS location to add', field: 'locationUuid', search: md.openmrsList('locations') });
    const newOrgUnit = orgUnitPicker('', 'DHIS2 org unit of the location to add');
    const addRow = h('tr', { class: 'add-row' });
    const addButton = h('button', {
        type: 'button',
        onclick: async () => {
            const location = newLocation.item;
            if (!location || !location.value) {
                showErrors(addRow, [{ field: 'locationUuid', message: 'required: the OpenMRS location' }]);
                return;
            }
            if (await saveRow(addRow, location.value, newOrgUnit, addButton)) {
                const orgUnit = newOrgUnit.item || {};
                body.insertBefore(existingRow({ locationUuid: location.value, locationName: location.name, orgUnitUid: newOrgUnit.value, orgUnitName: orgUnit.name }), addRow);
                newLocation.setValue('', '');
                newOrgUnit.setValue('', '');
            }
        },
    }, 'Add');
    addRow.append(h('td', {}, newLocation.element), h('td', {}, newOrgUnit.element), h('td', {}, addButton));
    body.append(addRow);
    section.append(h('div', { class: 'table-wrap' }, h('table', { class: 'org-units' },
        h('thead', {}, h('tr', {}, ['OpenMRS location', 'DHIS2 org unit', ''].map((t) => h('th', { scope: 'col' }, t)))), body)));
    return section;
}
