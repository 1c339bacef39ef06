// Logs: the runs (filters: start from, mapping, user; the seed's columns), a chart of records synced per day over
// the last 30 days, and the records DHIS2 rejected, with DHIS2's message and Retry.

import { api } from './api.js';
import { h, append, clear, message, formatMoment, field, table } from './dom.js';
import { barChart, fillDays } from './chart.js';
import { watchRun } from './run.js';

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
            chartArea.append(message('error', `The chart could not be read: ${e.message}`));
        }
    }

    async function loadLogs() {
        clear(logArea);
        let result;
        try {
            result = await api.get('logs', { from: state.from, mapping: state.mapping, user: state.user, page: state.page, pageSize: PAGE_SIZE });
        } catch (e) {
            logArea.append(message('error', `The logs could not be read: ${e.message}`));
            return;
        }
        if (!result.results.length) {
            logArea.append(message('info', 'No run matches these filters.'));
            return;
        }
        const rows = result.results.map((r) => h('tr', { dataset: { runId: String(r.runId || r.id) } },
            h('td', {}, r.mappingName),
            h('td', {}, r.syncedBy),
            h('td', {}, r.comments || ''),
            h('td', {}, h('span', { class: `status status-${r.status}` }, r.status)),
            h('td', { class: 'status-info' }, r.statusInfo || '', r.details ? h('details', {}, h('summary', {}, 'Details'), h('pre', {}, r.details)) : null),
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
            failureArea.append(message('error', `The failed records could not be read: ${e.message}`));
            return;
        }
        if (!result.results.length) {
            failureArea.append(message('success', 'No record is waiting for a retry.'));
            return;
        }
        const rows = result.results.map((f) => {
            const retry = h('button', { type: 'button', 'aria-label': `Retry ${CATEGORY[f.category] || f.category} ${f.openmrsUuid}`, onclick: () => startRetry(`failures/${encodeURIComponent(f.id)}/retry`, undefined, retry) }, 'Retry');
            return h('tr', { dataset: { failureId: String(f.id) } },
                h('td', {}, f.mappingName),
                h('td', {}, CATEGORY[f.category] || f.category),
                h('td', { class: 'mono' }, f.openmrsUuid),
                h('td', { class: 'mono' }, f.dhis2Uid || ''),
                h('td', { class: 'dhis2-message' }, ...codeAndMessage(f)),
                h('td', {}, f.attempts),
                h('td', {}, formatMoment(f.lastFailure)),
                h('td', {}, retry));
        });
        const retryAll = h('button', {
            type: 'button',
            onclick: () => startRetry('failures/retry', { mappingUuid: mapping ? mapping.uuid : null }, retryAll),
        }, mapping ? `Retry all of ${mapping.name}` : 'Retry all');
        append(failureArea, [h('div', { class: 'toolbar' }, retryAll),
            table(`Failed records (${result.total})`, ['Mapping', 'Record', 'OpenMRS uuid', 'DHIS2 UID', 'DHIS2\'s message', 'Attempts', 'Last failure', ''], rows, { class: 'failures' }),
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
    return parts.length ? h('ul', { class: 'plain' }, parts.map((p) => h('li', {}, p))) : h('span', { class: 'muted' }, 'none');
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

/** DHIS2's code, then its message; the code once when the message already starts with it. */
function codeAndMessage(f) {
    if (!f.errorCode || (f.message || '').startsWith(f.errorCode)) {
        return [f.message];
    }
    return [h('code', {}, f.errorCode), ' ', f.message];
}
