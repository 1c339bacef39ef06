// Mapping editor: name; OpenMRS program → DHIS2 program; instance attributes; the enrollment question; program
// stages with their data elements and coded answers; and the installation's locations → org units table.
// Every DHIS2 field is a picker over the metadata endpoint; errors appear next to their field.

import { api } from './api.js';
import { h, clear, field, message, uniqueId, formatMoment } from './dom.js';
import { createPicker, itemsOf, filterLocal } from './picker.js';
import { showErrors, clearErrors, errorSummary, UID_PATTERN, UID_HINT, removeButton } from './forms.js';
import * as md from './metadata.js';
import { navigate, flashNext } from './nav.js';
import { mappingNames, forgetMappingNames } from './names.js';
import { orgUnitSection } from './orgunits.js';

/** The DHIS2 value types an observation can become (mapping.Dhis2ValueType#takesObservations). */
const OBS_VALUE_TYPES = ['TEXT', 'LONG_TEXT', 'MULTI_TEXT', 'LETTER', 'PHONE_NUMBER', 'EMAIL', 'BOOLEAN', 'TRUE_ONLY',
    'DATE', 'DATETIME', 'TIME', 'NUMBER', 'UNIT_INTERVAL', 'PERCENTAGE', 'INTEGER', 'INTEGER_POSITIVE',
    'INTEGER_NEGATIVE', 'INTEGER_ZERO_OR_POSITIVE', 'USERNAME', 'AGE', 'URL'];

const FEED_KINDS = [
    { value: 'ENCOUNTER_TYPE', label: 'Encounter type', search: () => md.openmrsList('encounterTypes'), minChars: 0 },
    { value: 'FORM', label: 'Bahmni form', search: () => md.openmrsList('forms'), minChars: 0 },
    { value: 'CONCEPT_SET', label: 'Concept set', search: () => md.searchConcepts, minChars: 2 },
];

const GENDERS = [['M', 'Male'], ['F', 'Female'], ['O', 'Other'], ['U', 'Unknown']];

const EMPTY = {
    name: '', openmrsProgramUuid: '', dhis2ProgramUid: '', trackedEntityTypeUid: '',
    instance: { attributes: [{ source: '', attributeUid: '', searchable: false, comparable: false }] },
    enrollment: { openLatestCompletedEnrollment: null },
    events: [],
};

export async function renderEditor(root, uuid) {
    const heading = h('h2', {}, uuid ? 'Edit mapping' : 'New mapping');
    root.append(heading);
    let mapping = null;
    if (uuid) {
        try {
            mapping = await api.get(`mappings/${encodeURIComponent(uuid)}`);
        } catch (e) {
            root.append(message('error', `The mapping could not be read: ${e.message}`),
                h('p', {}, h('a', { href: '#/mappings' }, 'Back to the mappings')));
            return;
        }
        heading.textContent = `Edit mapping “${mapping.name}”`;
    }
    const config = mapping ? mapping.config : structuredClone(EMPTY);
    const notes = h('div', { class: 'notes', 'aria-live': 'polite' });
    let catalogue = [];
    try {
        catalogue = await md.patientFields();
    } catch (e) {
        notes.append(message('error', `The patient field catalogue could not be read (${e.message}); existing fields are kept.`));
    }
    const editor = new Editor(config, catalogue, notes);
    const summary = errorSummary();
    const healthArea = h('div', { class: 'health-area', 'aria-live': 'polite' });
    const names = mapping ? mappingNames([mapping.uuid]) : Promise.resolve(null);
    const checkButton = h('button', { type: 'button', onclick: () => checkHealth(root, editor, healthArea, checkButton) },
        'Check against DHIS2');
    const form = h('form', {
        class: 'editor', novalidate: true,
        onsubmit: (event) => {
            event.preventDefault();
            save(form, editor, mapping);
        },
    }, summary, notes, editor.mainSection(), editor.instanceSection(), editor.enrollmentSection(), editor.eventsSection(),
    healthArea,
    h('div', { class: 'form-actions' },
        checkButton,
        h('button', { type: 'button', onclick: () => navigate('#/mappings') }, 'Cancel'),
        h('button', { type: 'submit', class: 'primary' }, 'Save')));
    root.append(form, await orgUnitSection(names));
    editor.loadNames(names);
}

/**
 * The mapping as it is in the form, checked against DHIS2's live metadata (POST mappings/health): every problem is
 * shown next to its field (the org unit table's too), as a save's errors are.
 */
async function checkHealth(root, editor, area, button) {
    clearErrors(root);
    clear(area);
    const config = editor.collect();
    const errors = validate(config);
    if (errors.length) {
        showErrors(root, errors);
        return;
    }
    button.disabled = true;
    area.append(h('p', { class: 'loading' }, 'Checking every DHIS2 reference of the mapping against DHIS2…'));
    try {
        const report = await api.post('mappings/health', config);
        clear(area);
        if (report.healthy) {
            area.append(message('success', `DHIS2 has everything this mapping refers to, and every concept fits its data element (checked ${formatMoment(report.checkedAt)}).`));
        } else {
            area.append(message('warning', `${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} with DHIS2's metadata: a run of this mapping would stop before sending anything. Each is shown next to its field.`));
            showErrors(root, report.problems);
        }
    } catch (e) {
        clear(area);
        if (e.fieldErrors && e.fieldErrors.length) {
            showErrors(root, e.errors);
        } else if (!e.auth) {
            area.append(message('error', `The check could not be made: ${e.message}`));
        }
    } finally {
        button.disabled = false;
    }
}

async function save(form, editor, mapping) {
    clearErrors(form);
    const config = editor.collect();
    const errors = validate(config);
    if (errors.length) {
        showErrors(form, errors);
        return;
    }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
        const saved = mapping ? await api.post(`mappings/${encodeURIComponent(mapping.uuid)}`, config)
            : await api.post('mappings', config);
        forgetMappingNames();
        flashNext('success', `Saved mapping “${(saved && saved.name) || config.name}”.`);
        navigate('#/mappings');
    } catch (e) {
        const list = e.errors.map((x) => (!x.field && e.status === 409 ? { field: 'name', message: x.message } : x));
        showErrors(form, list);
    } finally {
        button.disabled = false;
    }
}

/** The checks the server makes too, so that most mistakes are shown before sending. */
export function validate(c) {
    const errors = [];
    const need = (path, value, what) => {
        if (value === null || value === undefined || String(value).trim() === '') {
            errors.push({ field: path, message: `required: ${what}` });
            return false;
        }
        return true;
    };
    const uid = (path, value, what) => {
        if (need(path, value, what) && !UID_PATTERN.test(value)) {
            errors.push({ field: path, message: `'${value}' is not a DHIS2 UID (${UID_HINT})` });
        }
    };
    need('name', c.name, 'the mapping\'s name');
    need('openmrsProgramUuid', c.openmrsProgramUuid, 'the OpenMRS program');
    uid('dhis2ProgramUid', c.dhis2ProgramUid, 'the DHIS2 program');
    uid('trackedEntityTypeUid', c.trackedEntityTypeUid, 'the DHIS2 tracked entity type');
    if (!c.instance.attributes.length) {
        errors.push({ field: 'instance.attributes', message: 'at least one attribute has to be mapped' });
    }
    c.instance.attributes.forEach((a, i) => {
        need(`instance.attributes[${i}].source`, a.source, 'the Bahmni data point');
        uid(`instance.attributes[${i}].attributeUid`, a.attributeUid, 'the DHIS2 attribute');
    });
    if (c.enrollment.openLatestCompletedEnrollment === null) {
        errors.push({ field: 'enrollment.openLatestCompletedEnrollment', message: 'required: answer Yes or No' });
    }
    c.events.forEach((s, i) => {
        const p = `events[${i}]`;
        uid(`${p}.programStageUid`, s.programStageUid, 'the DHIS2 program stage');
        need(`${p}.feed.reference`, s.feed.reference, 'what feeds the stage');
        if (!s.dataElements.length) {
            errors.push({ field: `${p}.dataElements`, message: 'at least one data element has to be entered' });
        }
        s.dataElements.forEach((d, j) => {
            const q = `${p}.dataElements[${j}]`;
            need(`${q}.conceptUuid`, d.conceptUuid, 'the concept');
            uid(`${q}.dataElementUid`, d.dataElementUid, 'the DHIS2 data element');
            need(`${q}.valueType`, d.valueType, 'the data element\'s value type');
            Object.entries(d.answers || {}).forEach(([answer, code]) => need(`${q}.answers.${answer}`, code, 'the DHIS2 option code'));
        });
    });
    return errors;
}

function checkbox(label, checked) {
    return h('input', { type: 'checkbox', checked: !!checked, 'aria-label': label });
}

function pickerField(label, picker) {
    return h('div', { class: 'field' }, h('label', { for: picker.input.id }, label), picker.element);
}

function teTypeOf(program) {
    const t = program && program.trackedEntityType;
    return t ? (typeof t === 'string' ? t : t.id) : '';
}

class Editor {
    constructor(config, catalogue, notes) {
        this.config = config;
        this.catalogue = catalogue;
        this.notes = notes;
        this.program = null;
        this.attributeRows = [];
        this.stages = [];
    }

    mainSection() {
        const c = this.config;
        this.name = h('input', { type: 'text', required: true, maxlength: '100', value: c.name || '', dataset: { field: 'name' }, autocomplete: 'off' });
        this.openmrsProgram = createPicker({ label: 'OpenMRS program', visibleLabel: true, field: 'openmrsProgramUuid', value: c.openmrsProgramUuid, search: md.openmrsList('programs') });
        this.dhis2Program = createPicker({
            label: 'DHIS2 program', visibleLabel: true, field: 'dhis2ProgramUid', value: c.dhis2ProgramUid, acceptsTyped: true,
            search: md.dhis2Search('programs', (p) => (p.programStages ? `${p.programStages.length} stage(s)` : undefined)),
            onChange: (item) => this.programChosen(item),
        });
        this.teType = h('input', { type: 'text', value: c.trackedEntityTypeUid || '', dataset: { field: 'trackedEntityTypeUid' }, class: 'mono', autocomplete: 'off', spellcheck: 'false' });
        return h('fieldset', { class: 'section' }, h('legend', {}, 'Mapping'),
            field('Mapping name', this.name),
            h('div', { class: 'pair' },
                pickerField('OpenMRS program', this.openmrsProgram),
                h('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'),
                pickerField('DHIS2 program', this.dhis2Program)),
            field('DHIS2 tracked entity type', this.teType, 'Filled in from the DHIS2 program; the UID can be typed.'));
    }

    async programChosen(item) {
        this.program = item && item.data ? item.data : null;
        if (!this.program && item && UID_PATTERN.test(item.value)) {
            this.program = await md.dhis2Program(item.value).catch(() => null);
        }
        const tet = teTypeOf(this.program);
        if (tet) {
            this.teType.value = tet;
        }
    }

    /**
     * Puts names on the stored ids — programs, attributes, stages, feeds, concepts, coded answers, data elements,
     * option codes — from the names of this mapping (one request); DHIS2's program is also read for its stages.
     */
    async loadNames(namesPromise) {
        const c = this.config;
        const names = await namesPromise;
        if (names) {
            this.names = names;
            (names.problems || []).forEach((p) => this.notes.append(message('warning', `${p} Its ids are shown instead; UIDs can still be typed.`)));
            Object.entries(names.dhis2 || {}).forEach(([uid, info]) => {
                if (!md.dhis2Info.has(uid)) {
                    md.dhis2Info.set(uid, { id: uid, name: info.name, valueType: info.valueType, optionSet: info.optionSet });
                }
            });
            const name = (id) => (names.dhis2[id] && names.dhis2[id].name) || names.openmrs[id];
            const put = (picker, id) => {
                if (id && picker.value === id && name(id)) {
                    picker.setValue(id, name(id));
                }
            };
            put(this.openmrsProgram, c.openmrsProgramUuid);
            put(this.dhis2Program, c.dhis2ProgramUid);
            this.attributeRows.forEach((row) => put(row.attribute, row.attribute.value));
            this.stages.forEach((stage) => {
                put(stage.stage, stage.stage.value);
                if (stage.kind.value !== 'FORM') {
                    put(stage.reference, stage.reference.value);
                }
                stage.rows.forEach((row) => {
                    put(row.concept, row.concept.value);
                    put(row.dataElement, row.dataElement.value);
                    row.optionSet = md.optionSetOf(md.dhis2Info.get(row.dataElement.value));
                    const options = ((names.optionSets || {})[row.optionSet] || {}).options || [];
                    row.answers.forEach((answer, uuid) => {
                        if (names.openmrs[uuid]) {
                            answer.th.textContent = names.openmrs[uuid];
                            answer.th.title = uuid;
                            answer.picker.input.setAttribute('aria-label', `DHIS2 option code for ${names.openmrs[uuid]}`);
                        }
                        const option = options.find((o) => o.code === answer.picker.value);
                        if (option) {
                            answer.picker.setValue(option.code, option.name);
                        }
                    });
                });
            });
            this.refreshGenderCodes();
        }
        if (c.dhis2ProgramUid && UID_PATTERN.test(c.dhis2ProgramUid)) {
            try {
                this.program = await md.dhis2Program(c.dhis2ProgramUid);
            } catch (e) {
                if (!names) {
                    this.notes.append(message('warning', `DHIS2's metadata could not be read (${e.message}). UIDs can still be typed.`));
                }
            }
        }
    }

    // ---- instance attributes ----

    instanceSection() {
        const c = this.config.instance || { attributes: [] };
        this.attributeBody = h('tbody');
        const addButton = h('button', { type: 'button', dataset: { field: 'instance.attributes' }, onclick: () => { this.addAttribute({}).source.focus(); } }, '+ Add attribute');
        (c.attributes || []).forEach((a) => this.addAttribute(a));
        this.genderCodes = { ...(c.genderCodes || {}) };
        this.genderArea = h('div', { class: 'grid4' });
        this.genderHint = h('p', { class: 'hint' });
        const hasGenderCodes = Object.keys(c.genderCodes || {}).length > 0;
        const section = h('fieldset', { class: 'section', dataset: { field: 'instance' } }, h('legend', {}, 'Patient → DHIS2 tracked entity'),
            h('p', { class: 'hint' }, 'Searchable attributes are used to find a patient already in DHIS2 before creating one; '
                + 'comparable ones narrow several matches down to one.'),
            h('div', { class: 'table-wrap' }, h('table', { class: 'attributes stack' },
                h('thead', {}, h('tr', {}, ['Bahmni data point', 'DHIS2 attribute', 'Searchable', 'Comparable', ''].map((t) => h('th', { scope: 'col' }, t)))),
                this.attributeBody)),
            addButton,
            h('details', { class: 'gender-codes', open: hasGenderCodes },
                h('summary', {}, 'DHIS2 codes of the genders (optional)'),
                this.genderHint,
                this.genderArea));
        this.refreshGenderCodes();
        return section;
    }

    /** The DHIS2 attribute the gender is sent to (the row whose Bahmni data point is the gender), or null. */
    genderAttribute() {
        const row = this.attributeRows.find((r) => r.source.value === 'gender');
        return row ? row.attribute.value : null;
    }

    /**
     * The gender codes: chosen from the option set of the DHIS2 attribute the gender goes to, when it has one;
     * typed otherwise. The codes entered so far are kept.
     */
    async refreshGenderCodes() {
        if (!this.genderArea) {
            return;
        }
        this.collectGenderCodes();
        const attribute = this.genderAttribute();
        const info = attribute ? md.dhis2Info.get(attribute) : null;
        const setUid = md.optionSetOf(info);
        let set = null;
        if (setUid) {
            set = ((this.names && this.names.optionSets) || {})[setUid] || null;
            if (!set) {
                try {
                    set = (await md.optionSets()).find((s) => s.id === setUid) || null;
                } catch (ignored) {
                    set = null; // the codes stay typed
                }
            }
        }
        clear(this.genderArea);
        this.genderInputs = GENDERS.map(([code, label]) => {
            const current = this.genderCodes[code] || '';
            let input;
            if (set) {
                const options = [h('option', { value: '' }, `OpenMRS's code: ${code}`)];
                (set.options || []).forEach((o) => options.push(h('option', { value: o.code, selected: o.code === current }, `${o.name || o.code} (${o.code})`)));
                if (current && !(set.options || []).some((o) => o.code === current)) {
                    options.push(h('option', { value: current, selected: true }, `${current} (not in the option set)`));
                }
                input = h('select', { dataset: { field: `instance.genderCodes.${code}` } }, options);
            } else {
                input = h('input', { type: 'text', value: current, dataset: { field: `instance.genderCodes.${code}` }, autocomplete: 'off' });
            }
            input.addEventListener('change', () => this.collectGenderCodes());
            const element = field(`${label} (${code})`, input);
            this.genderArea.append(element);
            return { code, input, element };
        });
        this.genderHint.textContent = set
            ? `Chosen from the option set “${set.name}” of the DHIS2 attribute the gender is sent to; leave empty to send OpenMRS's code (M, F, O, U).`
            : 'Leave empty to send OpenMRS\'s code (M, F, O, U). When the DHIS2 attribute of the gender has an option set, its codes are offered here.';
    }

    collectGenderCodes() {
        (this.genderInputs || []).forEach((g) => {
            const value = g.input.value.trim();
            if (value) {
                this.genderCodes[g.code] = value;
            } else {
                delete this.genderCodes[g.code];
            }
        });
    }

    addAttribute(a) {
        const options = [h('option', { value: '' }, 'Choose…')];
        this.catalogue.forEach((f) => options.push(h('option', { value: f.source, selected: f.source === a.source }, f.label || f.source)));
        if (a.source && !this.catalogue.some((f) => f.source === a.source)) {
            options.push(h('option', { value: a.source, selected: true }, a.source));
        }
        const row = {
            source: h('select', {}, options),
            attribute: createPicker({
                label: 'DHIS2 attribute', field: '', value: a.attributeUid, acceptsTyped: true,
                search: md.dhis2Search('trackedEntityAttributes', (r) => r.valueType),
                onChange: () => this.refreshGenderCodes(),
            }),
            searchable: checkbox('Searchable', a.searchable),
            comparable: checkbox('Comparable', a.comparable),
        };
        row.source.addEventListener('change', () => this.refreshGenderCodes());
        row.remove = removeButton('Remove attribute', () => {
            row.tr.remove();
            this.attributeRows = this.attributeRows.filter((r) => r !== row);
            this.renumberAttributes();
            this.refreshGenderCodes();
        });
        row.tr = h('tr', {}, h('td', { dataset: { label: 'Bahmni data point' } }, row.source),
            h('td', { dataset: { label: 'DHIS2 attribute' } }, row.attribute.element),
            h('td', { class: 'center', dataset: { label: 'Searchable' } }, row.searchable),
            h('td', { class: 'center', dataset: { label: 'Comparable' } }, row.comparable), h('td', { class: 'remove' }, row.remove));
        this.attributeRows.push(row);
        this.attributeBody.append(row.tr);
        this.renumberAttributes();
        return row;
    }

    renumberAttributes() {
        this.attributeRows.forEach((row, i) => {
            const p = `instance.attributes[${i}]`;
            const n = i + 1;
            row.source.dataset.field = `${p}.source`;
            row.source.setAttribute('aria-label', `Bahmni data point, row ${n}`);
            row.attribute.setField(`${p}.attributeUid`);
            row.attribute.input.setAttribute('aria-label', `DHIS2 attribute, row ${n}`);
            row.searchable.dataset.field = `${p}.searchable`;
            row.searchable.setAttribute('aria-label', `Searchable, row ${n}`);
            row.comparable.dataset.field = `${p}.comparable`;
            row.comparable.setAttribute('aria-label', `Comparable, row ${n}`);
            row.remove.setAttribute('aria-label', `Remove attribute row ${n}`);
        });
    }

    // ---- enrollment ----

    enrollmentSection() {
        const answer = (this.config.enrollment || {}).openLatestCompletedEnrollment;
        const name = uniqueId('reopen');
        const radio = (value, label) => {
            const input = h('input', { type: 'radio', name, value, id: `${name}-${value}`, checked: answer === (value === 'yes') && answer !== null && answer !== undefined });
            return h('label', { class: 'radio', for: input.id }, input, ' ', label);
        };
        this.enrollmentName = name;
        return h('fieldset', { class: 'section', dataset: { field: 'enrollment' } }, h('legend', {}, 'Program enrollment'),
            h('fieldset', { class: 'radios', dataset: { field: 'enrollment.openLatestCompletedEnrollment' }, tabindex: '-1' },
                h('legend', {}, 'Do you want to open latest completed enrollment? ', h('span', { class: 'required', 'aria-hidden': 'true' }, '*')),
                radio('yes', 'Yes'), radio('no', 'No'),
                h('p', { class: 'hint' }, 'Yes for programs a patient is enrolled in once in a lifetime (e.g. HIV): a completed '
                    + 'DHIS2 enrollment is reopened. No for programs enrolled in again and again (e.g. pregnancy): a new enrollment is created.')));
    }

    // ---- events ----

    eventsSection() {
        this.stageList = h('div', { class: 'stages' });
        (this.config.events || []).forEach((s) => this.addStage(s));
        return h('fieldset', { class: 'section' }, h('legend', {}, 'Encounters → DHIS2 events'),
            h('p', { class: 'hint' }, 'Each program stage is fed by an encounter type, a Bahmni form or a concept set; '
                + 'each encounter becomes one event, with the mapped concepts as data values.'),
            this.stageList,
            h('button', { type: 'button', dataset: { field: 'events' }, onclick: () => { this.addStage({}).kind.focus(); } }, '+ Add program stage'));
    }

    addStage(s) {
        const feed = s.feed || {};
        const stage = { rows: [] };
        stage.kind = h('select', {}, FEED_KINDS.map((k) => h('option', { value: k.value, selected: (feed.kind || 'ENCOUNTER_TYPE') === k.value }, k.label)));
        const currentKind = () => FEED_KINDS.find((k) => k.value === stage.kind.value);
        stage.reference = createPicker({
            label: 'Feed', visibleLabel: true, value: feed.reference,
            search: (q) => {
                const kind = currentKind();
                if (q.length < kind.minChars) {
                    return Promise.resolve([]);
                }
                return kind.search()(q);
            },
        });
        stage.referenceLabel = h('label', { for: stage.reference.input.id }, currentKind().label);
        stage.kind.addEventListener('change', () => {
            stage.referenceLabel.textContent = currentKind().label;
            stage.reference.setValue('', '');
        });
        stage.stage = createPicker({
            label: 'DHIS2 program stage', visibleLabel: true, value: s.programStageUid, acceptsTyped: true,
            search: async (q) => {
                if (!this.program && UID_PATTERN.test(this.dhis2Program.value)) {
                    this.program = await md.dhis2Program(this.dhis2Program.value);
                }
                if (!this.program) {
                    throw new Error('choose the DHIS2 program first (or type the stage UID)');
                }
                return filterLocal(itemsOf(this.program.programStages || [], 'id'), q);
            },
        });
        stage.body = h('tbody');
        stage.addButton = h('button', { type: 'button', onclick: () => { this.addDataElement(stage, {}).concept.input.focus(); } }, '+ Add data element');
        stage.heading = h('legend');
        stage.removeButton = h('button', { type: 'button', class: 'small danger' }, 'Remove stage');
        stage.removeButton.addEventListener('click', () => {
            stage.element.remove();
            this.stages = this.stages.filter((x) => x !== stage);
            this.renumberStages();
        });
        stage.element = h('fieldset', { class: 'stage' }, stage.heading,
            h('div', { class: 'pair' },
                field('Fed by', stage.kind),
                h('div', { class: 'field' }, stage.referenceLabel, stage.reference.element),
                h('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'),
                pickerField('DHIS2 program stage', stage.stage)),
            h('div', { class: 'table-wrap' }, h('table', { class: 'data-elements stack' },
                h('thead', {}, h('tr', {}, ['Concept', 'DHIS2 data element', 'Value type', ''].map((t) => h('th', { scope: 'col' }, t)))),
                stage.body)),
            h('div', { class: 'row-actions' }, stage.addButton, stage.removeButton));
        (s.dataElements || []).forEach((d) => this.addDataElement(stage, d));
        this.stages.push(stage);
        this.stageList.append(stage.element);
        this.renumberStages();
        return stage;
    }

    addDataElement(stage, d) {
        const row = { answers: new Map() };
        row.concept = createPicker({
            label: 'Concept', value: d.conceptUuid, minChars: 2, search: md.searchConcepts,
            onChange: (item) => this.conceptChosen(row, item),
        });
        row.dataElement = createPicker({
            label: 'DHIS2 data element', value: d.dataElementUid, acceptsTyped: true,
            search: md.dhis2Search('dataElements', (r) => r.valueType),
            onChange: (item) => {
                const info = item && (item.data || md.dhis2Info.get(item.value));
                if (info && info.valueType && OBS_VALUE_TYPES.includes(info.valueType)) {
                    row.valueType.value = info.valueType;
                }
                row.optionSet = md.optionSetOf(info);
            },
        });
        row.optionSet = md.optionSetOf(md.dhis2Info.get(d.dataElementUid));
        row.valueType = h('select', {}, h('option', { value: '' }, 'Choose…'),
            OBS_VALUE_TYPES.map((t) => h('option', { value: t, selected: d.valueType === t }, t)));
        row.remove = removeButton('Remove data element', () => {
            row.tr.remove();
            row.answersRow.remove();
            stage.rows = stage.rows.filter((r) => r !== row);
            this.renumberStages();
        });
        row.answersBody = h('tbody');
        row.answersRow = h('tr', { class: 'answers-row', hidden: true }, h('td', { colspan: '4' },
            h('table', { class: 'answers' }, h('caption', {}, 'Coded answers → DHIS2 option codes'),
                h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Answer'), h('th', { scope: 'col' }, 'DHIS2 option code'))),
                row.answersBody)));
        row.tr = h('tr', {}, h('td', { dataset: { label: 'Concept' } }, row.concept.element),
            h('td', { dataset: { label: 'DHIS2 data element' } }, row.dataElement.element),
            h('td', { dataset: { label: 'Value type' } }, row.valueType), h('td', { class: 'remove' }, row.remove));
        Object.entries(d.answers || {}).forEach(([answerUuid, code]) => this.addAnswer(row, { uuid: answerUuid, name: '' }, code));
        stage.rows.push(row);
        stage.body.append(row.tr, row.answersRow);
        this.renumberStages();
        return row;
    }

    conceptChosen(row, item) {
        const info = item && md.conceptInfo.get(item.value);
        const answers = (info && info.answers) || [];
        const previous = new Map([...row.answers].map(([uuid, a]) => [uuid, a.picker.value]));
        clear(row.answersBody);
        row.answers.clear();
        answers.forEach((answer) => this.addAnswer(row, answer, previous.get(answer.uuid) || ''));
        if (info && info.datatype === 'Coded' && !row.valueType.value) {
            row.valueType.value = 'TEXT';
        }
        this.renumberStages();
    }

    addAnswer(row, answer, code) {
        const picker = createPicker({
            label: `DHIS2 option code for ${answer.name || answer.uuid}`, value: code, acceptsTyped: true,
            placeholder: 'Type to search the option set, or type a code',
            search: async (q) => {
                const sets = await md.optionSets();
                const wanted = sets.filter((s) => !row.optionSet || s.id === row.optionSet);
                const options = wanted.flatMap((s) => (s.options || []).map((o) => ({ value: o.code, name: o.name, detail: s.name })));
                return filterLocal(options, q);
            },
        });
        const th = h('th', { scope: 'row', title: answer.uuid }, answer.name || h('span', { class: 'mono' }, answer.uuid));
        const tr = h('tr', {}, th, h('td', {}, picker.element));
        row.answers.set(answer.uuid, { picker, tr, th });
        row.answersBody.append(tr);
        row.answersRow.hidden = false;
    }

    renumberStages() {
        this.stages.forEach((stage, i) => {
            const p = `events[${i}]`;
            const n = i + 1;
            stage.heading.textContent = `Program stage ${n}`;
            stage.kind.dataset.field = `${p}.feed.kind`;
            stage.reference.setField(`${p}.feed.reference`);
            stage.stage.setField(`${p}.programStageUid`);
            stage.addButton.dataset.field = `${p}.dataElements`;
            stage.addButton.setAttribute('aria-label', `Add data element to program stage ${n}`);
            stage.removeButton.setAttribute('aria-label', `Remove program stage ${n}`);
            stage.rows.forEach((row, j) => {
                const q = `${p}.dataElements[${j}]`;
                const m = `row ${j + 1} of stage ${n}`;
                row.concept.setField(`${q}.conceptUuid`);
                row.concept.input.setAttribute('aria-label', `Concept, ${m}`);
                row.dataElement.setField(`${q}.dataElementUid`);
                row.dataElement.input.setAttribute('aria-label', `DHIS2 data element, ${m}`);
                row.valueType.dataset.field = `${q}.valueType`;
                row.valueType.setAttribute('aria-label', `Value type, ${m}`);
                row.remove.setAttribute('aria-label', `Remove data element, ${m}`);
                row.answers.forEach((a, uuid) => a.picker.setField(`${q}.answers.${uuid}`));
                row.answersRow.hidden = row.answers.size === 0;
            });
        });
    }

    // ---- the whole mapping ----

    collect() {
        this.collectGenderCodes();
        const genderCodes = { ...this.genderCodes };
        const instance = {
            attributes: this.attributeRows.map((row) => ({
                source: row.source.value,
                attributeUid: row.attribute.value,
                searchable: row.searchable.checked,
                comparable: row.comparable.checked,
            })),
        };
        if (Object.keys(genderCodes).length) {
            instance.genderCodes = genderCodes;
        }
        const chosen = document.querySelector(`input[name="${this.enrollmentName}"]:checked`);
        return {
            name: this.name.value.trim(),
            openmrsProgramUuid: this.openmrsProgram.value,
            dhis2ProgramUid: this.dhis2Program.value,
            trackedEntityTypeUid: this.teType.value.trim(),
            instance,
            enrollment: { openLatestCompletedEnrollment: chosen ? chosen.value === 'yes' : null },
            events: this.stages.map((stage) => ({
                programStageUid: stage.stage.value,
                feed: { kind: stage.kind.value, reference: stage.reference.value },
                dataElements: stage.rows.map((row) => {
                    const d = { conceptUuid: row.concept.value, dataElementUid: row.dataElement.value, valueType: row.valueType.value || null };
                    const answers = {};
                    row.answers.forEach((a, uuid) => {
                        answers[uuid] = a.picker.value;
                    });
                    if (Object.keys(answers).length) {
                        d.answers = answers;
                    }
                    return d;
                }),
            })),
        };
    }
}
