// Logs: the runs (filters: start from, mapping, user; the seed's columns), a chart of records synced per day over
// the last 30 days, and the records DHIS2 rejected, with DHIS2's message and Retry.

import { api, PRIVILEGES } from './api.js';
import { h, append, clear, message, formatMoment, field, table, problemNote } from './dom.js';
import { barChart, fillDays } from './chart.js';
import { watchRun } from './run.js';
import { can } from './session.js';
import { mappingNames } from './names.js';
import { recordCell, namedLines, withNames, labelsOf } from './records.js';

/** What a logged run was, when not a sync (DRIFT: a reconcile found DHIS2 departing from OpenMRS). */
const RUN_KIND = { RECONCILE: 'Reconcile', RESEND: 'Resend differences', RESEND_FROM_DATE: 'Resend from date' };

const PAGE_SIZE = 20;
const DAYS = 30;
const CATEGORY = { INSTANCE: 'Patient', ENROLLMENT: 'Enrollment', EVENT: 'Event' };

export async function renderLogs(root) {
    const watchers = new Set();
    const state = { page: 1, failuresPage: 1, from: '', mapping: '', user: '' };
    let mappings = [];
    try {
        mappings = (await api.get('mappings', { includeRetired: true })).results;
    } catch (ignored) {
        // the mapping filter then only offers "all"
    }
    const chartArea = h('div', { class: 'chart-area' });
    const logArea = h('div', { 'aria-live': 'polite' });
    const failureArea = h('div');
    const retryArea = h('div', { class: 'retry-area' });

    const from = h('input', { type: 'datetime-local', name: 'from' });
    const mappingSelect = h('select', { name: 'mapping' }, h('option', { value: '' }, 'All mappings'),
        mappings.map((m) => h('option', { value: m.name }, m.retired ? `${m.name} (retired)` : m.name)));
    const user = h('input', { type: 'text', name: 'user', autocomplete: 'off' });
    const filters = h('form', {
        class: 'filters', role: 'search', 'aria-label': 'Filter the logs',
        onsubmit: (event) => {
            event.preventDefault();
            state.from = from.value ? new Date(from.value).toISOString() : '';
            state.mapping = mappingSelect.value;
            state.user = user.value.trim();
            state.page = 1;
            state.failuresPage = 1;
            loadLogs();
            loadFailures();
        },
    }, field('Start from', from), field('Mapping', mappingSelect), field('Username', user),
    h('div', { class: 'field filter-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Filter')));

    const refreshAll = () => Promise.all([loadChart(), loadLogs(), loadFailures()]);

    async function loadChart() {
        clear(chartArea);
        try {
            const daily = await api.get('logs/daily', { days: DAYS });
            chartArea.append(barChart(fillDays(daily.results, DAYS), { title: `Records synced per day, last ${DAYS} days` }));
        } catch (e) {
            chartArea.append(problemNote('The chart could not be read', e) || '');
        }
    }

    async function loadLogs() {
        clear(logArea);
        let result;
        try {
            result = await api.get('logs', { from: state.from, mapping: state.mapping, user: state.user, page: state.page, pageSize: PAGE_SIZE });
        } catch (e) {
            logArea.append(problemNote('The logs could not be read', e) || '');
            return;
        }
        if (!result.results.length) {
            logArea.append(message('info', 'No run matches these filters.'));
            return;
        }
        const names = await mappingNames();
        const rows = result.results.map((r) => h('tr', { dataset: { runId: String(r.runId || r.id) } },
            h('td', { class: 'text' }, r.mappingName),
            h('td', { class: 'text' }, r.syncedBy),
            h('td', { class: 'text' }, r.comments || ''),
            h('td', {}, RUN_KIND[r.kind] ? h('span', { class: 'run-kind' }, RUN_KIND[r.kind], h('br')) : null,
                h('span', { class: `status status-${r.status}` }, r.status)),
            h('td', { class: 'status-info text' }, r.statusInfo || '', r.details ? details(r, names) : null),
            h('td', {}, formatMoment(r.startDate)),
            h('td', { class: 'records' }, recordsSummary(r))));
        append(logArea, [table(`Runs (${result.total})`, ['Service', 'Username', 'Comments', 'Status', 'Status info', 'Sync date', 'Records'], rows, { class: 'logs' }),
            pager(state.page, result.total, (page) => { state.page = page; loadLogs(); }, 'Runs')]);
    }

    async function loadFailures() {
        clear(failureArea);
        const mapping = mappings.find((m) => m.name === state.mapping);
        let result;
        try {
            result = await api.get('failures', { mapping: mapping ? mapping.uuid : '', page: state.failuresPage, pageSize: PAGE_SIZE });
        } catch (e) {
            failureArea.append(problemNote('The failed records could not be read', e) || '');
            return;
        }
        if (!result.results.length) {
            failureArea.append(message('success', 'No record is waiting for a retry.'));
            return;
        }
        const names = await mappingNames();
        const mayRetry = can(PRIVILEGES.run);
        const label = labelsOf(result.results.map((f) => ({ category: f.category, uuid: f.openmrsUuid, record: f.record })));
        const rows = result.results.map((f) => {
            const what = recordCell(f.category, f.openmrsUuid, f.record, { names, mappingUuid: f.mappingUuid, note: f.message });
            const label = what.querySelector('.record-name').textContent;
            const retry = mayRetry ? h('button', { type: 'button', 'aria-label': `Retry ${label}`, onclick: () => startRetry(`failures/${encodeURIComponent(f.id)}/retry`, undefined, retry) }, 'Retry') : null;
            return h('tr', { dataset: { failureId: String(f.id) } },
                h('td', { class: 'text' }, f.mappingName),
                h('td', { class: 'record-cell' }, h('span', { class: 'category' }, CATEGORY[f.category] || f.category), ' ', what,
                    f.dhis2Uid ? h('span', { class: 'id', title: 'DHIS2 UID' }, ` DHIS2 ${f.dhis2Uid}`) : null),
                h('td', { class: 'dhis2-message text' }, ...codeAndMessage(f, label)),
                h('td', {}, f.attempts),
                h('td', {}, formatMoment(f.lastFailure)),
                mayRetry ? h('td', { class: 'retry' }, retry) : null);
        });
        const retryAll = mayRetry ? h('button', {
            type: 'button',
            onclick: () => startRetry('failures/retry', { mappingUuid: mapping ? mapping.uuid : null }, retryAll),
        }, mapping ? `Retry all of ${mapping.name}` : 'Retry all') : null;
        const headers = ['Mapping', 'Record', 'DHIS2\'s message', 'Attempts', 'Last failure'];
        append(failureArea, [retryAll ? h('div', { class: 'toolbar' }, retryAll) : null,
            table(`Failed records (${result.total})`, mayRetry ? [...headers, ''] : headers, rows, { class: 'failures' }),
            pager(state.failuresPage, result.total, (page) => { state.failuresPage = page; loadFailures(); }, 'Failed records')]);
    }

    async function startRetry(path, body, button) {
        button.disabled = true;
        clear(retryArea);
        try {
            const started = await api.post(path, body);
            const runs = started.runs || [];
            if (!runs.length) {
                retryArea.append(message('info', 'No run was started: the mappings are already running.'));
            }
            runs.forEach((run) => {
                const holder = h('div');
                retryArea.append(holder);
                const watcher = watchRun(holder, run, {
                    onEnd: () => {
                        watchers.delete(watcher);
                        refreshAll();
                    },
                });
                watchers.add(watcher);
            });
        } catch (e) {
            retryArea.append(message(e.status === 409 ? 'warning' : 'error', `The retry could not start: ${e.message}`));
            button.disabled = false;
        }
    }

    root.append(h('h2', {}, 'Logs'),
        h('section', { class: 'section', 'aria-labelledby': 'chart-h' }, h('h3', { id: 'chart-h' }, `Records synced per day (last ${DAYS} days)`), chartArea),
        h('section', { class: 'section', 'aria-labelledby': 'runs-h' }, h('h3', { id: 'runs-h' }, 'Runs'), filters, logArea),
        h('section', { class: 'section', 'aria-labelledby': 'failures-h' }, h('h3', { id: 'failures-h' }, 'Records DHIS2 rejected'),
            h('p', { class: 'hint' }, 'They are retried first on the next run of their mapping, or now with Retry.'),
            retryArea, failureArea));
    await refreshAll();
    return () => watchers.forEach((w) => w.stop());
}

/** A run's details: each record named (read once for the whole page), in a disclosure. */
function details(r, names) {
    const body = h('div', { class: 'details-body' });
    const box = h('details', {}, h('summary', {}, 'Details'), body);
    box.addEventListener('toggle', async () => {
        if (!box.open || body.childElementCount) {
            return;
        }
        const lines = r.details.split('\n').filter((line) => line.trim());
        body.append(await namedLines(lines, { names, mappingUuid: r.mappingUuid }));
    });
    return box;
}

function recordsSummary(r) {
    const parts = [];
    const add = (label, created, updated) => {
        if (created || updated) {
            parts.push(`${label}: ${created || 0} new, ${updated || 0} updated`);
        }
    };
    add('Patients', r.patientsCreated, r.patientsUpdated);
    add('Enrollments', r.enrollmentsCreated, r.enrollmentsUpdated);
    add('Events', r.eventsCreated, r.eventsUpdated);
    if (r.failedCount) {
        parts.push(`${r.failedCount} failed`);
    }
    if (r.ambiguousCount) {
        parts.push(`${r.ambiguousCount} ambiguous`);
    }
    if (!parts.length) {
        return h('span', { class: 'muted' }, r.status === 'RUNNING' ? 'none yet' : 'none');
    }
    return h('ul', { class: 'plain' }, parts.map((p) => h('li', {}, p)));
}

function pager(page, total, go, what) {
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (pages <= 1) {
        return null;
    }
    return h('nav', { class: 'pager', 'aria-label': `${what} pages` },
        h('button', { type: 'button', disabled: page <= 1, onclick: () => go(page - 1), 'aria-label': 'Previous page' }, '‹ Previous'),
        h('span', {}, `Page ${page} of ${pages}`),
        h('button', { type: 'button', disabled: page >= pages, onclick: () => go(page + 1), 'aria-label': 'Next page' }, 'Next ›'));
}

/** DHIS2's code, then its message (records it mentions named); the code once when the message starts with it. */
function codeAndMessage(f, label) {
    const text = withNames(f.message, label);
    if (!f.errorCode || (f.message || '').startsWith(f.errorCode)) {
        return text;
    }
    return [h('code', {}, f.errorCode), ' ', ...text];
}
