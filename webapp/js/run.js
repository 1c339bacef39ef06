// A live view of one run: a progress bar and counts, refreshed from runs/{id} until the run ends.

import { api } from './api.js';
import { h, clear, message, formatMoment } from './dom.js';
import { mappingNames } from './names.js';
import { namedLines } from './records.js';

export const CATEGORIES = [['INSTANCE', 'Patients'], ['ENROLLMENT', 'Enrollments'], ['EVENT', 'Events']];
const POLL_MS = 1000;
const OUTCOME = { SUCCESS: 'success', PARTIAL: 'warning', DRIFT: 'warning', FAILED: 'error' };

/**
 * Watches a run inside container, headed by its mapping's name and start time. totals: {INSTANCE: n, ...} of
 * pending records when known (from a preview), used when the run does not report its own totals. what: the kind of
 * run in words ("Sync", "Reconcile", "Resend"). Returns {stop, done: Promise<run>}.
 */
export function watchRun(container, run, { totals, label, onEnd, what = 'Sync' } = {}) {
    const name = label || run.mappingName || 'the mapping';
    const bar = h('div', { class: 'bar' });
    const progress = h('div', {
        class: 'progress', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100',
        'aria-label': `Progress of the ${what.toLowerCase()} of ${name}`,
    }, bar);
    const phase = h('p', { class: 'phase', 'aria-live': 'polite' }, 'Starting…');
    const countsArea = h('div');
    const outcome = h('div', { class: 'outcome', 'aria-live': 'polite' });
    const heading = h('h4', {}, `${what} of ${name}`);
    const panel = h('section', { class: 'run', dataset: { runId: String(run.runId) }, 'aria-label': `${what} of ${name}`, title: `Run ${run.runId}` },
        heading, phase, progress, countsArea, outcome);
    clear(container);
    container.append(panel);
    let timer = null;
    let stopped = false;
    let resolveDone;
    const done = new Promise((resolve) => { resolveDone = resolve; });

    let named = false;
    const show = (state) => {
        const finished = state.status && state.status !== 'RUNNING';
        if (state.startDate) {
            heading.textContent = `${what} of ${name}, started ${formatMoment(state.startDate)}`;
        }
        const { doneCount, total } = sums(state.counts || {}, totals);
        let percent = null;
        if (finished) {
            percent = 100;
        } else if (total > 0) {
            percent = Math.min(99, Math.floor((doneCount * 100) / total));
        }
        if (percent === null) {
            progress.removeAttribute('aria-valuenow');
            progress.setAttribute('aria-valuetext', `${doneCount} records done`);
            progress.classList.add('indeterminate');
            bar.style.width = '';
        } else {
            progress.classList.remove('indeterminate');
            progress.setAttribute('aria-valuenow', String(percent));
            progress.setAttribute('aria-valuetext', total > 0 ? `${doneCount} of ${total} records (${percent}%)` : `${percent}%`);
            bar.style.width = `${percent}%`;
        }
        phase.textContent = finished ? `Finished ${formatMoment(state.endDate)}`
            : `${state.phase ? `Phase: ${state.phase}` : 'Running'}${total ? ` · ${doneCount} of ${total} records` : ` · ${doneCount} records done`}`;
        clear(countsArea);
        countsArea.append(countsTable(state.counts || {}, totals));
        if (finished) {
            clear(outcome);
            const kind = OUTCOME[state.status] || 'info';
            const parts = [h('strong', { class: `status status-${state.status}` }, state.status)];
            if (state.statusInfo) {
                parts.push(' ', state.statusInfo);
            }
            if (state.ambiguous) {
                parts.push(` ${state.ambiguous} patient(s) matched several DHIS2 records and were sent as new.`);
            }
            const failed = CATEGORIES.reduce((n, [key]) => n + (((state.counts || {})[key] || {}).failed || 0), 0);
            const errorsArea = h('div');
            // only a run that refused records has failed records to see; a FAILED run stopped as a whole
            outcome.append(message(kind, parts, errorsArea,
                failed > 0 ? h('p', {}, h('a', { href: '#/logs' }, `See the ${failed} failed record${failed === 1 ? '' : 's'} in the logs`)) : null));
            if ((state.errors || []).length && !named) {
                named = true;
                mappingNames(state.mappingUuid ? [state.mappingUuid] : []).then((names) => namedLines(state.errors, { names, mappingUuid: state.mappingUuid }))
                    .then((list) => errorsArea.append(list))
                    .catch(() => errorsArea.append(h('ul', { class: 'run-errors' }, state.errors.map((e) => h('li', {}, e)))));
            }
        }
        return finished;
    };

    const poll = async () => {
        if (stopped) {
            return;
        }
        try {
            const state = await api.get(`runs/${encodeURIComponent(run.runId)}`);
            if (show(state)) {
                resolveDone(state);
                if (onEnd) {
                    onEnd(state);
                }
                return;
            }
        } catch (e) {
            clear(outcome);
            outcome.append(message('error', `The run's progress could not be read: ${e.message}`));
            if (e.status === 401 || e.status === 403 || e.status === 404) {
                resolveDone(null);
                return;
            }
        }
        if (!stopped) {
            timer = setTimeout(poll, POLL_MS);
        }
    };
    show({ status: 'RUNNING', counts: {} });
    poll();
    return {
        panel,
        done,
        stop() {
            stopped = true;
            clearTimeout(timer);
        },
    };
}

function sums(counts, totals) {
    let doneCount = 0;
    let total = 0;
    for (const [key] of CATEGORIES) {
        const c = counts[key] || {};
        doneCount += c.done || 0;
        const t = c.total !== undefined ? c.total : (totals ? totals[key] : undefined);
        total += t || 0;
    }
    return { doneCount, total };
}

function countsTable(counts, totals) {
    const rows = CATEGORIES.map(([key, label]) => {
        const c = counts[key] || {};
        const t = c.total !== undefined ? c.total : (totals ? totals[key] : undefined);
        return h('tr', { dataset: { category: key } }, h('th', { scope: 'row' }, label),
            h('td', {}, c.created || 0), h('td', {}, c.updated || 0), h('td', { class: c.failed ? 'bad' : '' }, c.failed || 0),
            h('td', {}, `${t !== undefined ? `${c.done || 0} of ${t}` : c.done || 0}${key === 'EVENT' ? ' encounters' : ''}`));
    });
    return h('div', { class: 'table-wrap' }, h('table', { class: 'counts' },
        h('thead', {}, h('tr', {}, ['', 'Created', 'Updated', 'Failed', 'Looked at'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows)),
    h('p', { class: 'hint' }, 'Looked at: the records of the run so far, of those it found to look at. Some need nothing sent; '
        + 'an encounter that feeds two program stages makes two events.'));
}
