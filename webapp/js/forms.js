// Field-level error messages: each error is shown next to the control whose data-field is the error's JSON path,
// and linked to it with aria-describedby.

import { h, addDescribedBy, removeDescribedBy, uniqueId, clear } from './dom.js';

/** Removes every error shown inside root (and the summary). */
export function clearErrors(root) {
    root.querySelectorAll('.field-error').forEach((p) => {
        const control = p.dhis2syncControl;
        if (control) {
            removeDescribedBy(control, p.id);
            control.removeAttribute('aria-invalid');
        }
        p.remove();
    });
    const summary = root.querySelector('.error-summary');
    if (summary) {
        clear(summary);
        summary.hidden = true;
    }
}

/**
 * Shows errors [{field, message}] inside root. An error whose field (or a parent path of it) has a control is
 * shown under that control; all are listed in root's .error-summary, which is focused so a keyboard or screen
 * reader user learns of them. Returns the first control in error.
 */
export function showErrors(root, errors) {
    clearErrors(root);
    let first = null;
    const summaryItems = [];
    for (const error of errors) {
        const control = error.field ? controlFor(root, error.field) : null;
        const text = error.field && !control ? `${error.field}: ${error.message}` : error.message;
        if (control) {
            const id = uniqueId('err');
            const p = h('p', { class: 'field-error', id }, error.message);
            p.dhis2syncControl = control;
            const holder = control.closest('.field, td, fieldset') || control.parentElement;
            if (holder.tagName === 'FIELDSET') {
                holder.querySelector('legend').after(p);
            } else {
                holder.append(p);
            }
            addDescribedBy(control, id);
            control.setAttribute('aria-invalid', 'true');
            const item = h('li', {}, h('a', {
                href: '#', onclick: (event) => { event.preventDefault(); control.focus(); },
            }, labelOf(control) ? `${labelOf(control)}: ${error.message}` : error.message));
            clearOnChange(control, p, item);
            first = first || control;
            summaryItems.push(item);
        } else {
            summaryItems.push(h('li', {}, text));
        }
    }
    const summary = root.querySelector('.error-summary');
    if (summary && summaryItems.length) {
        summary.hidden = false;
        summary.append(h('p', {}, summaryHeading(summaryItems.length)), h('ul', {}, summaryItems));
        summary.focus();
    } else if (first) {
        first.focus();
    }
    return first;
}

function summaryHeading(count) {
    return count === 1 ? 'Please correct this:' : `Please correct these ${count} problems:`;
}

/** Once the user changes a control, its error is out of date: remove it, and its line of the summary. */
function clearOnChange(control, p, summaryItem) {
    const done = () => {
        removeDescribedBy(control, p.id);
        p.remove();
        removeSummaryItem(summaryItem);
        if (!document.querySelector(`.field-error[id]`) || ![...document.querySelectorAll('.field-error')].some((x) => x.dhis2syncControl === control)) {
            control.removeAttribute('aria-invalid');
        }
        control.removeEventListener('input', done);
        control.removeEventListener('change', done);
    };
    control.addEventListener('input', done);
    control.addEventListener('change', done);
}

/** Takes a corrected error off the summary; a summary left with nothing to correct is hidden. */
function removeSummaryItem(item) {
    const list = item.parentElement;
    if (!list) {
        return;
    }
    item.remove();
    const summary = list.closest('.error-summary');
    if (!summary) {
        return;
    }
    if (list.children.length === 0) {
        clear(summary);
        summary.hidden = true;
    } else {
        summary.querySelector('p').textContent = summaryHeading(list.children.length);
    }
}

/** The control of a JSON path, or of its nearest parent path that has one. */
export function controlFor(root, field) {
    let path = field;
    while (path) {
        const found = root.querySelector(`[data-field="${CSS.escape(path)}"]`);
        if (found) {
            return found;
        }
        const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        path = cut > 0 ? path.slice(0, cut) : '';
    }
    return null;
}

function labelOf(control) {
    let text = '';
    if (control.labels && control.labels.length) {
        text = control.labels[0].textContent;
    } else if (control.getAttribute('aria-label')) {
        text = control.getAttribute('aria-label');
    } else if (control.tagName === 'FIELDSET' && control.querySelector('legend')) {
        text = control.querySelector('legend').textContent;
    }
    return text.replace(/\s*\*\s*$/, '').trim(); // without the "required" star
}

/** The summary box a form shows its errors in. */
export function errorSummary() {
    return h('div', { class: 'error-summary message error', role: 'alert', tabindex: '-1', hidden: true });
}

export const UID_PATTERN = /^[A-Za-z][A-Za-z0-9]{10}$/;

export const UID_HINT = '11 characters: a letter, then letters or digits';

/** A row's small Remove button, named for screen readers. */
export function removeButton(label, onclick) {
    return h('button', { type: 'button', class: 'small danger', 'aria-label': label, onclick }, 'Remove');
}
