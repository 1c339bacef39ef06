// Reconcile page: per mapping, compare what DHIS2 holds for the records the mapping sent with what OpenMRS says now
// (missing, different with the field, extra), resend the differences, or resend everything changed since a date
// after a confirmation that says how many records that is. Each is a run of the mapping (its lock, its log row).

import { api } from './api.js';
import { h, clear, message, formatMoment, uniqueId, problemNote } from './dom.js';
import { showErrors, clearErrors } from './forms.js';
import { watchRun } from './run.js';
import { mappingNames, nameOf, named } from './names.js';
import { recordCell } from './records.js';

const WHAT = { INSTANCE: 'Patient', ENROLLMENT: 'Enrollment', EVENT: 'Event' };
const KIND_WORD = { MISSING: 'Missing in DHIS2', DIFFERENT: 'Different', EXTRA: 'Extra in DHIS2' };
const PROPERTY = { status: 'Status', enrolledAt: 'Enrollment date', occurredAt: 'Date', orgUnit: 'Org unit' };

export async function renderReconcile(root) {
    const watchers = new Set();
    root.append(h('h2', {}, 'Reconcile with DHIS2'),
        h('p', { class: 'intro' }, 'Check that DHIS2 holds what OpenMRS says for every record a mapping sent: records missing in DHIS2 '
            + '(deleted, or lost in a restore), records whose values differ (with the field), and records added in DHIS2 under '
            + 'them. Resend the differences in one action, or resend everything changed since a date (e.g. after editing a '
            + 'mapping). Every action needs a comment, kept in the logs. The module never changes a record it did not send.'));
    let mappings;
    try {
        mappings = (await api.get('mappings')).results;
    } catch (e) {
        root.append(problemNote('The mappings could not be read', e) || '');
        return null;
    }
    if (!mappings.length) {
        root.append(message('info', 'There is no mapping to reconcile yet.'));
        return null;
    }
    for (const m of mappings) {
        root.append(mappingSection(m, watchers));
    }
    return () => watchers.forEach((w) => w.stop());
}

function mappingSection(m, watchers) {
    const headingId = uniqueId('reconcile');
    const comment = h('textarea', { rows: '2', required: true, 'aria-required': 'true', 'aria-label': `Comments for ${m.name}`, placeholder: 'Please provide comments', dataset: { field: 'comment' } });
    const commentField = h('div', { class: 'field' }, h('label', { for: (comment.id = uniqueId('f')) }, 'Comments ', h('span', { class: 'required', 'aria-hidden': 'true' }, '*')), comment);
    const fromInput = h('input', { type: 'date', id: uniqueId('f'), dataset: { field: 'from' } });
    const fromField = h('div', { class: 'field' }, h('label', { for: fromInput.id }, 'Resend everything changed since'), fromInput);
    const runArea = h('div', { class: 'run-area' });
    const reportArea = h('div', { class: 'report-area', 'aria-live': 'polite' });
    const confirmArea = h('div', { class: 'confirm-area', 'aria-live': 'polite' });
    const section = h('section', { class: 'reconcile-mapping', dataset: { uuid: m.uuid }, 'aria-labelledby': headingId },
        h('h3', { id: headingId }, m.name));
    const buttons = [];
    const button = (label, aria, onclick, cls) => {
        const b = h('button', { type: 'button', class: cls || '', 'aria-label': aria, onclick }, label);
        buttons.push(b);
        return b;
    };
    const setBusy = (busy) => buttons.forEach((b) => { b.disabled = busy; });

    const requireComment = () => {
        clearErrors(section);
        if (!comment.value.trim()) {
            showErrors(section, [{ field: 'comment', message: 'required: say why (kept in the log)' }]);
            return null;
        }
        return comment.value.trim();
    };

    const watch = (run, what) => {
        setBusy(true);
        const watcher = watchRun(runArea, run, {
            label: m.name, what,
            onEnd: async () => {
                setBusy(false);
                watchers.delete(watcher);
                if (what !== 'Resend from date') {
                    await showReport(run.runId);
                }
            },
        });
        watchers.add(watcher);
    };

    const showReport = async (runId) => {
        try {
            const result = await api.get(`reconciles/${encodeURIComponent(runId)}`);
            const names = await mappingNames([m.uuid]);
            clear(reportArea).append(reportView(m, result, names));
        } catch (e) {
            clear(reportArea).append(message('error', `What the reconcile found could not be read: ${e.message}`));
        }
    };

    const start = async (path, what, body) => {
        try {
            const started = await api.post(`mappings/${encodeURIComponent(m.uuid)}/${path}`, body);
            comment.value = '';
            clear(confirmArea);
            if (what !== 'Resend from date') {
                clear(reportArea);
            }
            watch(started.runs[0], what);
        } catch (e) {
            if (e.status === 409) {
                clear(runArea).append(message('warning', `A run of ${m.name} is already going: ${e.message}`));
            } else if (e.fieldErrors && e.fieldErrors.length) {
                showErrors(section, e.errors);
            } else {
                clear(runArea).append(message('error', `${what} of ${m.name} could not start: ${e.message}`));
            }
        }
    };

    const reconcileButton = button('Reconcile', `Reconcile ${m.name} with DHIS2`, async () => {
        const why = requireComment();
        if (why) {
            await start('reconcile', 'Reconcile', { comment: why });
        }
    }, 'primary');
    const resendButton = button('Resend differences', `Resend the differences of ${m.name}`, async () => {
        const why = requireComment();
        if (why) {
            await start('resend-differences', 'Resend', { comment: why });
        }
    });
    const fromButton = button('Resend from date…', `Resend ${m.name} from a date`, async () => {
        const why = requireComment();
        if (!why) {
            return;
        }
        if (!fromInput.value) {
            showErrors(section, [{ field: 'from', message: 'required: the date to resend from' }]);
            return;
        }
        setBusy(true);
        try {
            const count = await api.get(`mappings/${encodeURIComponent(m.uuid)}/resend-from`, { from: fromInput.value });
            clear(confirmArea).append(confirmView(m, count, fromInput.value, () => start('resend-from', 'Resend from date', { comment: why, from: fromInput.value }),
                () => clear(confirmArea)));
            confirmArea.querySelector('button').focus();
        } catch (e) {
            if (e.fieldErrors && e.fieldErrors.length) {
                showErrors(section, e.errors);
            } else {
                clear(confirmArea).append(message('error', `How many records would be resent could not be counted: ${e.message}`));
            }
        } finally {
            setBusy(false);
        }
    });
    section.append(commentField, h('div', { class: 'row-actions' }, reconcileButton, resendButton),
        h('div', { class: 'resend-from' }, fromField, fromButton), confirmArea, runArea, reportArea);

    // the latest reconcile of this mapping since the server started, going or done
    api.get(`mappings/${encodeURIComponent(m.uuid)}/reconcile`).then((result) => {
        if (result.run.status === 'RUNNING') {
            watch(result.run, result.kind === 'RESEND' ? 'Resend' : 'Reconcile');
        } else {
            mappingNames([m.uuid]).then((names) => reportArea.append(reportView(m, result, names)));
        }
    }).catch(() => {
        // none yet (404): nothing to show
    });
    return section;
}

function confirmView(m, count, from, onConfirm, onCancel) {
    const id = uniqueId('confirm');
    if (!count.total) {
        return message('info', `Nothing of ${m.name} changed since ${from}: there is nothing to resend.`);
    }
    const text = `This sends again ${count.patients} patient${count.patients === 1 ? '' : 's'}, ${count.enrollments} enrollment${count.enrollments === 1 ? '' : 's'}`
        + ` and the events of ${count.encounters} encounter${count.encounters === 1 ? '' : 's'} of ${m.name} changed since ${from}`
        + ` (${count.total} records), as OpenMRS and the mapping say now.`;
    return h('div', { class: 'message warning confirm', role: 'alertdialog', 'aria-labelledby': id },
        h('p', { id }, text),
        h('div', { class: 'row-actions' },
            h('button', { type: 'button', class: 'primary', onclick: onConfirm }, `Resend ${count.total} records`),
            h('button', { type: 'button', onclick: onCancel }, 'Cancel')));
}

function reportView(m, result, names) {
    const report = result.report;
    const run = result.run;
    const headingId = uniqueId('report');
    const section = h('section', { class: 'reconcile-report', 'aria-labelledby': headingId },
        h('h4', { id: headingId }, `${result.kind === 'RESEND' ? 'Found before resending' : 'Reconcile'} of ${m.name}`
            + (run.startDate ? `, ${formatMoment(run.startDate)}` : '')));
    if (!report) {
        section.append(message('error', `The reconcile did not finish: ${run.statusInfo || run.status}`));
        return section;
    }
    const extra = report.counts.EXTRA || 0;
    if (report.clean) {
        section.append(message('success', `DHIS2 holds what OpenMRS says: ${report.summary}.`));
    } else {
        section.append(message('warning', `Drift found: ${report.summary}.`
            + (result.kind === 'RESEND' ? ' The missing and different records were sent again; reconcile again to check.' : ' “Resend differences” sends the missing and different records again.')));
    }
    if (extra) {
        section.append(h('p', { class: 'hint' }, 'Extra records were added in DHIS2 under records the module sent. They are only reported: the module never changes a record it did not send.'));
    }
    if (!report.drifts.length) {
        return section;
    }
    const rows = report.drifts.map((d) => h('tr', { dataset: { kind: d.kind, category: d.category } },
        h('td', {}, h('span', { class: `badge badge-${d.kind.toLowerCase()}` }, KIND_WORD[d.kind] || d.kind)),
        h('td', {}, WHAT[d.category] || d.category),
        h('td', { class: 'record-cell' }, d.openmrsUuid
            ? recordCell(d.category, d.openmrsUuid, d.record, { names, mappingUuid: m.uuid, note: d.programStageUid ? `stage ${d.programStageUid}` : null })
            : h('span', {}, `Not sent by the module${d.programStageUid ? ` (${nameOf(names, d.programStageUid) || d.programStageUid})` : ''}, in `, h('span', { class: 'mono' }, d.parentUid))),
        h('td', { class: 'mono' }, d.dhis2Uid),
        h('td', {}, fieldsList(d.fields, names))));
    section.append(h('div', { class: 'table-wrap' }, h('table', { class: 'drift' },
        h('thead', {}, h('tr', {}, ['', 'What', 'Record', 'DHIS2 UID', 'Differences (DHIS2 → OpenMRS)'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows))));
    if (report.drifts.length < (report.counts.MISSING || 0) + (report.counts.DIFFERENT || 0) + extra) {
        section.append(message('info', `Only the first ${report.drifts.length} records are listed; the counts are complete.`));
    }
    return section;
}

function fieldsList(fields, names) {
    if (!fields || !fields.length) {
        return '';
    }
    return h('dl', { class: 'values differences' }, fields.map((f) => {
        const label = PROPERTY[f.field] ? PROPERTY[f.field] : named(f.name !== f.field ? f.name : nameOf(names, f.field), f.field);
        return [h('dt', {}, label),
            h('dd', {}, h('span', { class: 'dhis2-value' }, shown(f.dhis2Value, names)), ' → ', h('span', { class: 'openmrs-value' }, shown(f.openmrsValue, names)))];
    }));
}

function shown(value, names) {
    if (value === null || value === undefined) {
        return h('span', { class: 'muted' }, 'none');
    }
    const name = nameOf(names, String(value));
    return name ? named(name, String(value)) : `“${value}”`;
}
