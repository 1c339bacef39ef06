// A small bar chart of records synced per day, drawn as inline SVG (no library).

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, text) {
    const el = document.createElementNS(SVG, tag);
    Object.entries(attrs || {}).forEach(([k, v]) => el.setAttribute(k, String(v)));
    if (text !== undefined) {
        el.textContent = text;
    }
    return el;
}

/** The last `days` days (oldest first, as YYYY-MM-DD in local time) with their counts; missing days are 0. */
export function fillDays(results, days, today = new Date()) {
    const byDay = new Map((results || []).map((r) => [r.day, r.records || 0]));
    const list = [];
    for (let i = days - 1; i >= 0; i--) {
        const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() - i);
        const key = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
        list.push({ day: key, records: byDay.get(key) || 0 });
    }
    return list;
}

/** An accessible SVG bar chart; each bar has a <title> ("2026-11-22: 14 records"). */
export function barChart(points, { title, width = 720, height = 180 } = {}) {
    const margin = { top: 12, right: 8, bottom: 28, left: 40 };
    const innerW = width - margin.left - margin.right;
    const innerH = height - margin.top - margin.bottom;
    const max = Math.max(1, ...points.map((p) => p.records));
    const scaleMax = niceMax(max);
    const total = points.reduce((n, p) => n + p.records, 0);
    const root = svg('svg', {
        viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': `${title}: ${total} records in ${points.length} days`,
        preserveAspectRatio: 'xMidYMid meet',
    });
    root.append(svg('title', {}, title));
    const g = svg('g', { transform: `translate(${margin.left},${margin.top})` });
    root.append(g);
    for (let i = 0; i <= 4; i++) {
        const value = (scaleMax * i) / 4;
        const y = innerH - (innerH * i) / 4;
        g.append(svg('line', { x1: 0, x2: innerW, y1: y, y2: y, class: 'grid' }));
        g.append(svg('text', { x: -6, y: y + 4, 'text-anchor': 'end', class: 'axis' }, formatCount(value)));
    }
    const step = innerW / points.length;
    const barW = Math.max(2, step * 0.7);
    points.forEach((p, i) => {
        const h = (innerH * p.records) / scaleMax;
        const x = i * step + (step - barW) / 2;
        const bar = svg('rect', { x, y: innerH - h, width: barW, height: Math.max(h, p.records ? 1 : 0), class: 'bar', 'data-day': p.day, 'data-records': p.records });
        bar.append(svg('title', {}, `${p.day}: ${p.records} record${p.records === 1 ? '' : 's'}`));
        g.append(bar);
        if (i % 7 === (points.length - 1) % 7) {
            g.append(svg('text', { x: x + barW / 2, y: innerH + 18, 'text-anchor': 'middle', class: 'axis' }, p.day.slice(5)));
        }
    });
    return root;
}

function niceMax(max) {
    const magnitude = 10 ** Math.floor(Math.log10(max));
    for (const f of [1, 2, 2.5, 5, 10]) {
        if (f * magnitude >= max) {
            return Math.max(4, f * magnitude);
        }
    }
    return max;
}

function formatCount(n) {
    return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
