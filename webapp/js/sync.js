// Sync page: each mapping with its required comment, last successful sync and its actions at the top — Preview (what
// would be sent, NEW or UPDATE, with the mapped values), Check with DHIS2 (its validation-only verdict on all of it),
// both run by the server in the background (pending.js), and Sync to DHIS2 with live progress.

import { api } from './api.js';
import { h, clear, message, formatMoment, problemNote } from './dom.js';
import { showErrors, clearErrors } from './forms.js';
import { watchRun } from './run.js';
import { mappingNames } from './names.js';
import { startJob, keptJobs, watchJob } from './pending.js';

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
    // the previews and checks the server kept (also those still running)
    try {
        const kept = await keptJobs(undefined);
        rows.forEach((row) => row.showKept(kept));
    } catch (ignored) {
        // Preview and Check start new ones
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
    const previewButton = h('button', { type: 'button', 'aria-label': `Preview ${m.name}`, onclick: () => runJob('PREVIEW') }, 'Preview');
    const checkButton = h('button', { type: 'button', 'aria-label': `Check ${m.name} with DHIS2`, onclick: () => runJob('CHECK') }, 'Check with DHIS2');
    const syncButton = h('button', { type: 'button', class: 'primary', 'aria-label': `Sync ${m.name} to DHIS2`, onclick: () => sync() }, 'Sync to DHIS2');
    const commentCell = h('td', { class: 'comment' }, comment);
    row.tr = h('tr', { dataset: { uuid: m.uuid } }, h('th', { scope: 'row' }, m.name), commentCell, lastSync,
        h('td', { class: 'actions' }, previewButton, checkButton, syncButton));
    comment.addEventListener('input', () => clearErrors(commentCell));

    let jobWatcher = null;
    const followJob = async (job) => {
        detailTr.hidden = false;
        if (jobWatcher) {
            jobWatcher.stop();
            watchers.delete(jobWatcher);
        }
        let names = null;
        try {
            names = await mappingNames([m.uuid]);
        } catch (ignored) {
            // records are then shown by uuid
        }
        const button = job.kind === 'CHECK' ? checkButton : previewButton;
        button.disabled = job.status === 'RUNNING';
        jobWatcher = watchJob(previewArea, job, {
            mapping: m, names,
            onEnd: () => { button.disabled = false; },
        });
        watchers.add(jobWatcher);
    };
    const runJob = async (kind) => {
        detailTr.hidden = false;
        const button = kind === 'CHECK' ? checkButton : previewButton;
        button.disabled = true;
        try {
            followJob(await startJob(kind, m.uuid));
        } catch (e) {
            button.disabled = false;
            if (e.status === 409) {
                const going = (await keptJobs(m.uuid).catch(() => [])).find((j) => j.kind === kind && j.status === 'RUNNING');
                if (going) {
                    followJob(going);
                    return;
                }
            }
            clear(previewArea).append(message(e.status === 409 ? 'warning' : 'error',
                `${kind === 'CHECK' ? 'The check with DHIS2' : 'The preview'} of ${m.name} could not start: ${e.message}`));
        }
    };
    row.showKept = (jobs) => {
        // the latest preview or check of this mapping, kept by the server until the next one
        const latest = jobs.filter((j) => j.mappingUuid === m.uuid).sort((a, b) => (a.startDate < b.startDate ? -1 : 1)).pop();
        if (latest) {
            followJob(latest);
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
                if (previewArea.querySelector('section.preview, section.check')) {
                    // what the preview listed has just been sent (or refused): it no longer says what is waiting
                    clear(previewArea).append(h('p', { class: 'muted' },
                        'The preview or check was of what waited before this run: run it again to see what is still waiting.'));
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
