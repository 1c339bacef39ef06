// Tiny DOM helpers: the page builds its screens with these instead of a framework.

/**
 * h('button', {class: 'primary', onclick: fn, 'aria-label': 'x'}, 'text', child, [more])
 * Properties that are DOM properties (value, checked, disabled, hidden...) are set as properties, others as attributes.
 */
const PROPS = new Set(['value', 'checked', 'disabled', 'hidden', 'selected', 'multiple', 'required', 'readOnly', 'htmlFor']);

export function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
        if (value === undefined || value === null || value === false) {
            continue;
        }
        if (key.startsWith('on') && typeof value === 'function') {
            el.addEventListener(key.slice(2), value);
        } else if (key === 'class') {
            el.className = value;
        } else if (key === 'dataset') {
            Object.assign(el.dataset, value);
        } else if (PROPS.has(key)) {
            el[key] = value;
        } else {
            el.setAttribute(key, value === true ? '' : String(value));
        }
    }
    append(el, children);
    return el;
}

export function append(el, children) {
    for (const child of children.flat(Infinity)) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
}

export function clear(el) {
    while (el.firstChild) {
        el.removeChild(el.firstChild);
    }
    return el;
}

let counter = 0;

/** A page-unique id for label/aria wiring. */
export function uniqueId(prefix) {
    counter += 1;
    return `${prefix}-${counter}`;
}

/** A labelled form control: <div class="field"><label>..</label>control<p hint></div>. */
export function field(labelText, control, hint) {
    if (!control.id) {
        control.id = uniqueId('f');
    }
    const parts = [h('label', { for: control.id }, labelText), control];
    if (hint) {
        const hintId = uniqueId('hint');
        addDescribedBy(control, hintId);
        parts.push(h('p', { class: 'hint', id: hintId }, hint));
    }
    return h('div', { class: 'field' }, parts);
}

export function addDescribedBy(el, id) {
    const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    if (!ids.includes(id)) {
        ids.push(id);
    }
    el.setAttribute('aria-describedby', ids.join(' '));
}

export function removeDescribedBy(el, id) {
    const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter((x) => x && x !== id);
    if (ids.length) {
        el.setAttribute('aria-describedby', ids.join(' '));
    } else {
        el.removeAttribute('aria-describedby');
    }
}

/** A status message (role=status, or role=alert for errors). */
export function message(kind, ...content) {
    return h('div', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, content);
}

/**
 * The note of an area whose data could not be read: nothing for a missing privilege or session (the page shows
 * that once, above), else an error naming what failed.
 */
export function problemNote(what, e) {
    if (e && e.auth) {
        return null;
    }
    return message('error', `${what}: ${e.message}`);
}

/** A date and time as the page shows them (a local moment of OpenMRS, without zone, is shown as it is). */
export function formatMoment(iso) {
    if (!iso) {
        return '';
    }
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) {
        return String(iso);
    }
    return date.toLocaleString(undefined, {
        year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
}

/** A table wrapped so that it scrolls sideways on a narrow screen instead of overflowing the page. */
export function table(caption, headers, rows, attrs) {
    return h('div', { class: 'table-wrap' },
        h('table', attrs || {},
            caption ? h('caption', {}, caption) : null,
            h('thead', {}, h('tr', {}, headers.map((text) => h('th', { scope: 'col' }, text)))),
            h('tbody', {}, rows)));
}

/** Saves text as a file through a temporary object URL. */
export function downloadText(text, filename, type = 'application/json') {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = h('a', { href: url, download: filename, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
}
