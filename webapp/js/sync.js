// Sync page: each mapping with its required comment, last successful sync, Preview (what would be sent, NEW or
// UPDATE, with the mapped values), a DHIS2 validation-only check, and Sync to DHIS2 with live progress.

import { api } from './api.js';
import { h, clear, message, formatMoment, uniqueId, problemNote } from './dom.js';
import { showErrors, clearErrors } from './forms.js';
import { watchRun, CATEGORIES } from './run.js';
import { dhis2Info } from './metadata.js';
import { mappingNames, nameOf, named } from './names.js';
import { recordCell } from './records.js';

const CATEGORY_LABEL = Object.fromEntries(CATEGORIES.map(([k, l]) => [k, l.replace(/s$/, '')]));

export async function renderSync(root) {
    const watchers = new Set();
    root.append(h('h2', {}, 'Sync to DHIS2'),
        h('p', { class: 'intro' }, 'Preview what is waiting to be sent, then send it. Every run needs a comment, kept in the logs. '
            + 'Only what changed since the last successful run is sent; records DHIS2 rejected are retried first.'));
    let mappings;
    try {
        mappings = (await api.get('mappings')).results;
    } catch (e) {
        root.append(problemNote('The mappings could not be read', e) || '');
        return null;
    }
    if (!mappings.length) {
        root.append(message('info', 'There is no mapping to sync yet.'), h('p', {}, h('a', { href: '#/mappings/new' }, 'Add a mapping')));
        return null;
    }
    const body = h('tbody');
    const rows = new Map();
    for (const m of mappings) {
        const row = mappingRow(m, watchers, rows);
        rows.set(m.uuid, row);
        body.append(row.tr, row.detailTr);
    }
    root.append(h('div', { class: 'table-wrap' }, h('table', { class: 'sync' },
        h('thead', {}, h('tr', {}, [h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Comments ', h('span', { class: 'required', 'aria-hidden': 'true' }, '*')),
            h('th', { scope: 'col' }, 'Last successful sync'), h('th', { scope: 'col' }, 'Actions')])),
        body)));
    // runs started elsewhere (another tab, the scheduler) are shown going on
    try {
        const active = await api.get('runs', { active: true });
        (active.results || active.runs || []).forEach((run) => {
            const row = rows.get(run.mappingUuid);
            if (row) {
                row.watch(run);
            }
        });
    } catch (ignored) {
        // without the list of active runs, a 409 on Sync still says a run is going
    }
    return () => watchers.forEach((w) => w.stop());
}

function mappingRow(m, watchers, rows) {
    const comment = h('textarea', { rows: '2', required: true, 'aria-required': 'true', 'aria-label': `Comments for ${m.name}`, placeholder: 'Please provide comments', dataset: { field: 'comment' } });
    const lastSync = h('td', { class: 'last-sync' }, m.lastSuccessfulSync ? formatMoment(m.lastSuccessfulSync) : h('span', { class: 'muted' }, 'never'));
    const previewArea = h('div', { class: 'preview-area' });
    const runArea = h('div', { class: 'run-area' });
    const detailTr = h('tr', { class: 'detail-row', hidden: true }, h('td', { colspan: '4' }, previewArea, runArea));
    const row = { tr: null, detailTr, totals: null, running: false };
    const previewButton = h('button', { type: 'button', 'aria-label': `Preview ${m.name}`, onclick: () => preview() }, 'Preview');
    const syncButton = h('button', { type: 'button', class: 'primary', 'aria-label': `Sync ${m.name} to DHIS2`, onclick: () => sync() }, 'Sync to DHIS2');
    const commentCell = h('td', { class: 'comment' }, comment);
    row.tr = h('tr', { dataset: { uuid: m.uuid } }, h('th', { scope: 'row' }, m.name), commentCell, lastSync,
        h('td', { class: 'actions' }, previewButton, syncButton));
    comment.addEventListener('input', () => clearErrors(commentCell));

    const preview = async () => {
        detailTr.hidden = false;
        clear(previewArea);
        previewArea.append(h('p', { class: 'loading' }, `Reading what is pending for ${m.name}…`));
        previewButton.disabled = true;
        try {
            const result = await api.get(`mappings/${encodeURIComponent(m.uuid)}/preview`);
            row.totals = result.counts;
            const names = await mappingNames([m.uuid]);
            clear(previewArea);
            previewArea.append(previewView(m, result, names));
        } catch (e) {
            clear(previewArea);
            previewArea.append(message('error', `The preview of ${m.name} failed: ${e.message}`));
        } finally {
            previewButton.disabled = false;
        }
    };

    row.watch = (run) => {
        detailTr.hidden = false;
        row.running = true;
        syncButton.disabled = true;
        const watcher = watchRun(runArea, run, {
            totals: row.totals, label: m.name,
            onEnd: async (state) => {
                row.running = false;
                syncButton.disabled = false;
                watchers.delete(watcher);
                if (previewArea.querySelector('section.preview')) {
                    // what the preview listed has just been sent (or refused): it no longer says what is waiting
                    clear(previewArea).append(h('p', { class: 'muted' },
                        'The preview was of what waited before this run: preview again to see what is still waiting.'));
                }
                if (state.status === 'SUCCESS' || state.status === 'PARTIAL') {
                    try {
                        const fresh = await api.get(`mappings/${encodeURIComponent(m.uuid)}`);
                        clear(lastSync).append(fresh.lastSuccessfulSync ? formatMoment(fresh.lastSuccessfulSync) : h('span', { class: 'muted' }, 'never'));
                    } catch (ignored) {
                        // the date is refreshed on the next visit
                    }
                }
            },
        });
        watchers.add(watcher);
    };

    const sync = async () => {
        clearErrors(commentCell);
        if (!comment.value.trim()) {
            showErrors(commentCell, [{ field: 'comment', message: 'required: say why you sync (kept in the log)' }]);
            return;
        }
        syncButton.disabled = true;
        try {
            const started = await api.post('sync', { mappingUuid: m.uuid, comment: comment.value.trim() });
            comment.value = '';
            (started.runs || []).forEach((run) => (rows.get(run.mappingUuid) || row).watch(run));
        } catch (e) {
            syncButton.disabled = false;
            if (e.status === 409) {
                detailTr.hidden = false;
                clear(runArea).append(message('warning', `A run of ${m.name} is already going: ${e.message}`));
                try {
                    const active = await api.get('runs', { active: true });
                    const going = (active.results || []).find((r) => r.mappingUuid === m.uuid);
                    if (going) {
                        row.watch(going);
                    }
                } catch (ignored) {
                    // the warning above stays
                }
            } else if (e.fieldErrors.length) {
                showErrors(commentCell, e.errors.map((x) => ({ field: 'comment', message: x.message })));
            } else {
                detailTr.hidden = false;
                clear(runArea).append(message('error', `The sync of ${m.name} could not start: ${e.message}`));
            }
        }
    };
    return row;
}

/** What a record loses as sent (e.g. one of several values of a concept), one line each; null for none. */
function warningsList(warnings) {
    if (!warnings || !warnings.length) {
        return null;
    }
    return h('ul', { class: 'record-warnings' }, warnings.map((w) => h('li', { class: 'record-warning' }, w)));
}

function previewView(m, result, names) {
    const counts = result.counts || {};
    const total = CATEGORIES.reduce((n, [k]) => n + (counts[k] || 0), 0);
    const headingId = uniqueId('preview');
    const section = h('section', { class: 'preview', 'aria-labelledby': headingId },
        h('h4', { id: headingId }, `Preview of ${m.name}`),
        h('p', { class: 'counts-line' }, total === 0 ? 'Nothing is waiting to be sent.'
            : CATEGORIES.map(([k, label]) => `${counts[k] || 0} ${label.toLowerCase()}`).join(', ') + ' waiting to be sent.'));
    if (result.recordsWithheld) {
        section.append(message('info', result.recordsWithheld));
    }
    if (result.truncated) {
        section.append(message('info', `Only the first ${result.records.length} records are listed; the counts are complete.`));
    }
    if ((result.records || []).length) {
        const rows = result.records.map((r) => h('tr', { dataset: { category: r.category } },
            h('td', {}, CATEGORY_LABEL[r.category] || r.category),
            h('td', { class: 'record-cell' }, recordCell(r.category, r.openmrsUuid, r.record, { names, mappingUuid: m.uuid, note: r.error })),
            h('td', {}, r.decision ? h('span', { class: `badge badge-${r.decision.toLowerCase()}` }, r.decision) : h('span', { class: 'muted' }, 'decided when sent')),
            h('td', { class: 'mono' }, r.dhis2Uid || ''),
            h('td', {}, valuesList(r.values, names)),
            h('td', { class: r.error ? 'bad' : '' }, r.error || r.status || '', warningsList(r.warnings))));
        section.append(h('div', { class: 'table-wrap' }, h('table', { class: 'preview-records' },
            h('thead', {}, h('tr', {}, ['Record', 'What', 'NEW / UPDATE', 'DHIS2 UID', 'Mapped values', 'Note'].map((t) => h('th', { scope: 'col' }, t)))),
            h('tbody', {}, rows))));
        const verdicts = h('div', { 'aria-live': 'polite' });
        const validateButton = h('button', {
            type: 'button',
            onclick: async () => {
                validateButton.disabled = true;
                clear(verdicts).append(h('p', { class: 'loading' }, 'Asking DHIS2 to check the records (nothing is saved)…'));
                try {
                    const v = await api.post(`mappings/${encodeURIComponent(m.uuid)}/validate`);
                    clear(verdicts).append(verdictsView(v.verdicts || [], names, m.uuid));
                } catch (e) {
                    clear(verdicts).append(message('error', `DHIS2's check failed: ${e.message}`));
                } finally {
                    validateButton.disabled = false;
                }
            },
        }, 'Check with DHIS2 (validation only)');
        section.append(h('div', { class: 'row-actions' }, validateButton), verdicts);
    }
    return section;
}

function valuesList(values, names) {
    const entries = Object.entries(values || {});
    if (!entries.length) {
        return '';
    }
    return h('dl', { class: 'values' }, entries.map(([uid, value]) => {
        const info = dhis2Info.get(uid);
        const valueName = value ? nameOf(names, String(value)) : null;
        return [h('dt', { title: uid }, nameOf(names, uid) || (info ? info.name : uid)),
            h('dd', {}, valueName ? named(valueName, String(value)) : String(value))];
    }));
}

function verdictsView(verdicts, names, mappingUuid) {
    const bad = verdicts.filter((v) => !v.valid);
    if (!bad.length) {
        return message('success', `DHIS2 accepts all ${verdicts.length} records.`);
    }
    return h('div', {}, message('warning', `DHIS2 would reject ${bad.length} of ${verdicts.length} records:`),
        h('ul', { class: 'verdicts' }, bad.map((v) => h('li', {},
            recordCell(v.category, v.openmrsUuid, v.record, { names, mappingUuid, note: v.message }), ': ',
            v.errorCode ? h('code', {}, v.errorCode) : null, ' ', v.message || ''))));
}
