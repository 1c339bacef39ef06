// A preview or a "Check with DHIS2" of everything pending, run by the server as a background job (REST jobs/*):
// the summary first (per category: NEW, UPDATE, problems), then the records grouped by category and paged, read as
// soon as the job finds them; a progress bar and Cancel while it runs; what the result covers, and what it does not.

import { api } from './api.js';
import { h, clear, message, formatMoment, uniqueId } from './dom.js';
import { CATEGORIES } from './run.js';
import { recordCell } from './records.js';
import { dhis2Info } from './metadata.js';
import { nameOf, named } from './names.js';

const POLL_MS = 1000;
const PAGE_SIZE = 25;
const TITLE = { PREVIEW: 'Preview', CHECK: 'Check with DHIS2' };

/** Starts a job of the mapping; rejects with the ApiError (409 when one of its kind is going). */
export function startJob(kind, mappingUuid) {
    return api.post('jobs', { kind, mappingUuid });
}

/** The jobs kept for a mapping (at most one per kind), oldest first. */
export async function keptJobs(mappingUuid) {
    const reply = await api.get('jobs', { mappingUuid });
    return reply.results || [];
}

/**
 * Shows a job in container and follows it until it ends. Returns {stop, done: Promise<job>}.
 *
 * @param names the mapping's names (for values and stages), or null
 */
export function watchJob(container, job, { mapping, names, onEnd } = {}) {
    const view = new JobView(container, job, mapping, names);
    let timer = null;
    let stopped = false;
    let resolveDone;
    const done = new Promise((resolve) => { resolveDone = resolve; });
    const poll = async () => {
        if (stopped) {
            return;
        }
        try {
            const state = await api.get(`jobs/${encodeURIComponent(job.jobId)}`);
            await view.show(state);
            if (state.status !== 'RUNNING') {
                resolveDone(state);
                if (onEnd) {
                    onEnd(state);
                }
                return;
            }
        } catch (e) {
            view.problem(`The ${TITLE[job.kind].toLowerCase()} could not be followed: ${e.message}`);
            if (e.status === 401 || e.status === 403 || e.status === 404) {
                resolveDone(null);
                return;
            }
        }
        if (!stopped) {
            timer = setTimeout(poll, POLL_MS);
        }
    };
    view.show(job).then(poll);
    return {
        done,
        stop() {
            stopped = true;
            clearTimeout(timer);
        },
    };
}

class JobView {
    constructor(container, job, mapping, names) {
        this.job = job;
        this.mapping = mapping;
        this.names = names;
        this.category = null;
        this.problemsOnly = false;
        this.offset = 0;
        this.lastCount = -1;
        const headingId = uniqueId('job');
        this.heading = h('h4', { id: headingId }, `${TITLE[job.kind]} of ${mapping.name}`);
        this.bar = h('div', { class: 'bar' });
        this.progress = h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100',
            'aria-label': `Progress of the ${TITLE[job.kind].toLowerCase()} of ${mapping.name}` }, this.bar);
        this.phase = h('p', { class: 'phase', 'aria-live': 'polite' }, 'Starting…');
        this.cancelButton = h('button', { type: 'button', class: 'cancel-job', onclick: () => this.cancel() }, 'Cancel');
        this.running = h('div', { class: 'job-running' }, this.phase, this.progress, h('div', { class: 'row-actions' }, this.cancelButton));
        this.countsLine = h('p', { class: 'counts-line', 'aria-live': 'polite' });
        this.summary = h('div', { class: 'job-summary' });
        this.outcome = h('div', { class: 'outcome', 'aria-live': 'polite' });
        this.notes = h('div', { class: 'job-notes' });
        this.filters = h('div', { class: 'job-filters', role: 'group', 'aria-label': 'Records shown' });
        this.records = h('div', { class: 'job-records' });
        this.section = h('section', { class: job.kind === 'CHECK' ? 'check' : 'preview', 'aria-labelledby': headingId,
            dataset: { jobId: job.jobId } },
        this.heading, this.running, this.countsLine, this.summary, this.outcome, this.notes, this.filters, this.records);
        clear(container).append(this.section);
    }

    problem(text) {
        clear(this.outcome).append(message('error', text));
    }

    async cancel() {
        this.cancelButton.disabled = true;
        this.cancelButton.textContent = 'Cancelling…';
        try {
            await api.post(`jobs/${encodeURIComponent(this.job.jobId)}/cancel`);
        } catch (e) {
            this.problem(`It could not be cancelled: ${e.message}`);
            this.cancelButton.disabled = false;
            this.cancelButton.textContent = 'Cancel';
        }
    }

    async show(state) {
        this.state = state;
        const finished = state.status !== 'RUNNING';
        const by = state.startedBy ? ` by ${state.startedBy}` : '';
        this.heading.textContent = `${TITLE[state.kind]} of ${this.mapping.name}, started ${formatMoment(state.startDate)}${by}`;
        this.running.hidden = finished;
        this.progress.setAttribute('aria-valuenow', String(state.percent || 0));
        this.bar.style.width = `${state.percent || 0}%`;
        const found = CATEGORIES.map(([k]) => (state.progress || {})[k] || { done: 0, total: 0 });
        const looked = found.reduce((n, c) => n + c.done, 0);
        const total = found.reduce((n, c) => n + c.total, 0);
        this.progress.setAttribute('aria-valuetext', `${looked} of ${total} records (${state.percent || 0}%)`);
        this.phase.textContent = `Phase: ${state.phase || 'starting'} · ${looked} of ${total} records read so far`;
        this.countsLine.textContent = countsLine(state);
        clear(this.summary).append(summaryTable(state));
        clear(this.outcome);
        if (finished) {
            this.outcome.append(outcomeMessage(state));
        }
        clear(this.notes);
        if ((state.notes || []).length) {
            this.notes.append(h('ul', { class: 'job-notes-list' }, state.notes.map((n) => h('li', {}, n))));
        }
        this.showFilters(state);
        // records are read again when the job found more, and once at its end
        if (state.records !== this.lastCount || finished) {
            this.lastCount = state.records;
            await this.showRecords();
        }
    }

    showFilters(state) {
        clear(this.filters);
        const counts = perCategory(state);
        const choice = (key, label, count) => h('button', {
            type: 'button', class: `filter${this.category === key ? ' chosen' : ''}`, 'aria-pressed': String(this.category === key),
            dataset: { category: key || 'ALL' },
            onclick: () => { this.category = key; this.offset = 0; this.showFilters(this.state); this.showRecords(); },
        }, `${label} (${count})`);
        const all = CATEGORIES.reduce((n, [k]) => n + counts[k].all, 0);
        this.filters.append(choice(null, 'All', all), ...CATEGORIES.map(([k, label]) => choice(k, label, counts[k].all)));
        const only = h('input', { type: 'checkbox', class: 'problems-only', checked: this.problemsOnly,
            onchange: () => { this.problemsOnly = only.checked; this.offset = 0; this.showRecords(); } });
        this.filters.append(h('label', { class: 'inline' }, only, ` Only problems (${state.problems || 0})`));
    }

    async showRecords() {
        const params = { offset: this.offset, limit: PAGE_SIZE };
        if (this.category) {
            params.category = this.category;
        }
        if (this.problemsOnly) {
            params.problems = true;
        }
        let page;
        try {
            page = await api.get(`jobs/${encodeURIComponent(this.job.jobId)}/records`, params);
        } catch (e) {
            clear(this.records).append(message('error', `The records could not be read: ${e.message}`));
            return;
        }
        clear(this.records);
        if (!page.records.length) {
            if (this.state && this.state.status !== 'RUNNING') {
                this.records.append(h('p', { class: 'muted' }, this.problemsOnly ? 'No problem here.' : 'No record here.'));
            }
            return;
        }
        const check = this.job.kind === 'CHECK';
        const heads = check ? ['Record', 'NEW / UPDATE', 'DHIS2 UID', 'DHIS2 says']
            : ['Record', 'NEW / UPDATE', 'DHIS2 UID', 'Mapped values', 'Note'];
        // grouped by category: a heading row where the category changes
        const rows = [];
        let current = null;
        page.records.forEach((r) => {
            if (r.category !== current) {
                current = r.category;
                rows.push(h('tr', { class: 'group-row' }, h('th', { colspan: String(heads.length), scope: 'colgroup' },
                    (CATEGORIES.find(([k]) => k === r.category) || [r.category, r.category])[1])));
            }
            rows.push(check ? this.verdictRow(r) : this.pendingRow(r));
        });
        const from = page.offset + 1;
        const to = page.offset + page.records.length;
        const pager = h('div', { class: 'pager' },
            h('button', { type: 'button', class: 'previous-page', disabled: page.offset === 0,
                onclick: () => { this.offset = Math.max(0, this.offset - PAGE_SIZE); this.showRecords(); } }, 'Previous'),
            h('span', { class: 'page-info' }, `Records ${from}–${to} of ${page.kept}`),
            h('button', { type: 'button', class: 'next-page', disabled: to >= page.kept,
                onclick: () => { this.offset += PAGE_SIZE; this.showRecords(); } }, 'Next'));
        this.records.append(h('div', { class: 'table-wrap' }, h('table', { class: check ? 'check-records' : 'preview-records' },
            h('thead', {}, h('tr', {}, heads.map((t) => h('th', { scope: 'col' }, t)))),
            h('tbody', {}, rows))), pager);
        if (page.truncated) {
            this.records.append(message('info', `${page.counted} records match; the first ${page.kept} can be listed here. `
                + 'The counts above are complete.'));
        }
    }

    pendingRow(r) {
        const m = this.mapping;
        return h('tr', { dataset: { category: r.category } },
            h('td', { class: 'record-cell' }, recordCell(r.category, r.openmrsUuid, r.record, { names: this.names, mappingUuid: m.uuid, note: r.error })),
            h('td', {}, decisionBadge(r.decision)),
            h('td', { class: 'mono' }, r.dhis2Uid || ''),
            h('td', {}, valuesList(r.values, this.names)),
            h('td', { class: r.error ? 'bad' : '' }, r.error || r.status || '', warningsList(r.warnings)));
    }

    verdictRow(v) {
        return h('tr', { dataset: { category: v.category }, class: v.valid ? 'valid' : 'refused' },
            h('td', { class: 'record-cell' }, recordCell(v.category, v.openmrsUuid, v.record, { names: this.names, mappingUuid: this.mapping.uuid, note: v.message })),
            h('td', {}, decisionBadge(v.decision)),
            h('td', { class: 'mono' }, v.dhis2Uid || ''),
            h('td', { class: v.valid ? 'ok' : 'bad' }, v.valid ? 'accepted' : [v.errorCode ? h('code', {}, v.errorCode) : null, ' ', v.message || 'refused']));
    }
}

function decisionBadge(decision) {
    return decision ? h('span', { class: `badge badge-${decision.toLowerCase()}` }, decision)
        : h('span', { class: 'muted' }, 'not sent');
}

function perCategory(state) {
    const counts = {};
    CATEGORIES.forEach(([k]) => {
        const s = (state.summary || {})[k] || {};
        const problems = s.PROBLEM || 0;
        const all = Object.values(s).reduce((n, c) => n + c, 0);
        counts[k] = { news: s.NEW || 0, updates: s.UPDATE || 0, problems, all };
    });
    return counts;
}

function countsLine(state) {
    const counts = perCategory(state);
    const total = CATEGORIES.reduce((n, [k]) => n + counts[k].all, 0);
    const list = CATEGORIES.map(([k, label]) => `${counts[k].all} ${label.toLowerCase()}`).join(', ');
    if (state.kind === 'CHECK') {
        const refused = state.problems || 0;
        return `${list} checked${state.status === 'RUNNING' ? ' so far' : ''}${refused ? `; ${refused} would be refused` : ''}.`;
    }
    if (state.status !== 'RUNNING' && total === 0) {
        return 'Nothing is waiting to be sent.';
    }
    return `${list} waiting to be sent${state.status === 'RUNNING' ? ' (so far)' : ''}.`;
}

function summaryTable(state) {
    const counts = perCategory(state);
    const rows = CATEGORIES.map(([k, label]) => h('tr', { dataset: { category: k } }, h('th', { scope: 'row' }, label),
        h('td', { class: 'new' }, counts[k].news), h('td', { class: 'update' }, counts[k].updates),
        h('td', { class: counts[k].problems ? 'bad problems' : 'problems' }, counts[k].problems), h('td', { class: 'total' }, counts[k].all)));
    const problemHead = state.kind === 'CHECK' ? 'Refused' : 'Cannot be sent';
    return h('div', { class: 'table-wrap' }, h('table', { class: 'summary' },
        h('caption', {}, 'Summary'),
        h('thead', {}, h('tr', {}, ['', 'NEW', 'UPDATE', problemHead, 'Total'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows)));
}

function outcomeMessage(state) {
    if (state.status === 'FAILED') {
        return message('error', `The ${TITLE[state.kind].toLowerCase()} failed: ${state.message || 'no reason given'}`);
    }
    if (state.status === 'CANCELLED') {
        return message('warning', `Cancelled ${formatMoment(state.endDate)}: the records below are those found before it stopped.`);
    }
    if (state.kind === 'CHECK') {
        return state.problems ? message('warning', `DHIS2 would refuse ${state.problems} of ${state.records} records: see "Only problems".`)
            : message('success', `DHIS2 accepts all ${state.records} records checked.`);
    }
    return message('info', `Read ${formatMoment(state.endDate)}. Nothing was sent.`);
}

/** What a record loses as sent (e.g. one of several values of a concept), one line each; null for none. */
function warningsList(warnings) {
    if (!warnings || !warnings.length) {
        return null;
    }
    return h('ul', { class: 'record-warnings' }, warnings.map((w) => h('li', { class: 'record-warning' }, w)));
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
