// An accessible combobox (WAI-ARIA 1.2 list autocomplete): type to search, arrow keys and Enter to choose,
// Escape to close. It shows the chosen name in the box, whole, with the id on the line below (and on hover), and
// keeps the id as its value; a value that is not in the list (e.g. a DHIS2 UID typed or pasted) is kept as typed.

import { h, uniqueId, addDescribedBy, clear } from './dom.js';

const DEBOUNCE_MS = 200;

/**
 * @param {object} o
 * @param {string} o.label accessible name (also used when there is no visible <label>)
 * @param {(q: string) => Promise<Array<{value: string, name: string, detail?: string, data?: any}>>} o.search
 * @param {number} [o.minChars] characters needed before searching
 * @param {string} [o.field] the JSON path errors of this value are reported under
 * @param {string} [o.value] initial value, [o.name] its name
 * @param {(item: object|null) => void} [o.onChange]
 */
export function createPicker(o) {
    const id = o.id || uniqueId('picker');
    const listId = `${id}-list`;
    const statusId = `${id}-status`;
    let items = [];
    let active = -1;
    let selected = o.value ? { value: o.value, name: o.name || '' } : null;
    let timer = null;
    let searchSeq = 0;

    const input = h('input', {
        id,
        type: 'text',
        role: 'combobox',
        autocomplete: 'off',
        spellcheck: 'false',
        'aria-autocomplete': 'list',
        'aria-expanded': 'false',
        'aria-controls': listId,
        'aria-label': o.visibleLabel ? null : o.label,
        placeholder: o.placeholder || (o.minChars ? `Type ${o.minChars}+ characters to search` : 'Type to search, or paste an id'),
        dataset: o.field ? { field: o.field } : undefined,
        class: 'picker-input',
    });
    const list = h('ul', { id: listId, role: 'listbox', class: 'picker-list', hidden: true, 'aria-label': `${o.label}: choices` });
    const status = h('p', { id: statusId, class: 'picker-status visually-hidden', 'aria-live': 'polite' });
    const idLine = h('p', { id: `${id}-id`, class: 'picker-id', hidden: true });
    addDescribedBy(input, statusId);
    addDescribedBy(input, idLine.id);
    const element = h('div', { class: 'picker' }, input, list, idLine, status);
    showSelected();

    /** The text in the box: the name (the id when there is none). */
    function display(item) {
        if (!item || !item.value) {
            return '';
        }
        return item.name && item.name !== item.value ? item.name : item.value;
    }

    /** The box shows the chosen name; the id goes on the line below and in the box's title. */
    function showSelected() {
        input.value = display(selected);
        const named = selected && selected.value && selected.name && selected.name !== selected.value;
        idLine.textContent = named ? selected.value : '';
        idLine.hidden = !named;
        if (selected && selected.value) {
            input.title = named ? `${selected.name} (${selected.value})` : selected.value;
        } else {
            input.removeAttribute('title');
        }
    }

    /** Tells screen readers; shows the text too only when it needs the eye (nothing found, a failure). */
    function say(text, visible) {
        status.textContent = text;
        status.classList.toggle('visually-hidden', !visible);
    }

    function open() {
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
    }

    function close() {
        list.hidden = true;
        input.setAttribute('aria-expanded', 'false');
        input.removeAttribute('aria-activedescendant');
        active = -1;
    }

    function render() {
        clear(list);
        items.forEach((item, i) => {
            list.append(h('li', {
                id: `${id}-opt-${i}`,
                role: 'option',
                class: 'picker-option',
                'aria-selected': i === active ? 'true' : 'false',
                onmousedown: (event) => {
                    event.preventDefault(); // keep focus in the input
                    choose(i);
                },
            }, h('span', { class: 'opt-name' }, item.name || item.value),
            h('span', { class: 'opt-id' }, item.value),
            item.detail ? h('span', { class: 'opt-detail' }, item.detail) : null));
        });
        if (items.length && document.activeElement === input) {
            open();
        } else {
            close();
        }
    }

    function highlight(i) {
        active = i;
        [...list.children].forEach((li, n) => li.setAttribute('aria-selected', n === i ? 'true' : 'false'));
        if (i >= 0 && list.children[i]) {
            input.setAttribute('aria-activedescendant', list.children[i].id);
            list.children[i].scrollIntoView({ block: 'nearest' });
        } else {
            input.removeAttribute('aria-activedescendant');
        }
    }

    function choose(i) {
        const item = items[i];
        if (!item) {
            return;
        }
        clearTimeout(timer);
        searchSeq += 1; // a search still under way must not reopen the list
        selected = item;
        showSelected();
        say(`Chosen: ${item.name && item.name !== item.value ? `${item.name} (${item.value})` : item.value}`, false);
        close();
        if (o.onChange) {
            o.onChange(item);
        }
    }

    async function search(q) {
        const min = o.minChars || 0;
        if (q.length < min) {
            items = [];
            render();
            say(min ? `Type at least ${min} characters to search.` : '', q.length > 0);
            return;
        }
        const seq = ++searchSeq;
        say('Searching…', false);
        element.classList.add('busy');
        try {
            const found = await o.search(q);
            if (seq !== searchSeq) {
                return; // an older answer arriving after a newer one
            }
            items = found;
            active = -1;
            render();
            if (found.length) {
                say(`${found.length} result${found.length === 1 ? '' : 's'}: use the arrow keys to choose.`, false);
            } else {
                say(o.acceptsTyped ? 'Nothing found; a typed id is kept as it is.' : 'Nothing found.', true);
            }
        } catch (e) {
            if (seq === searchSeq) {
                items = [];
                render();
                say(`Search failed: ${e.message}`, true);
            }
        } finally {
            if (seq === searchSeq) {
                element.classList.remove('busy');
            }
        }
    }

    function scheduleSearch() {
        clearTimeout(timer);
        timer = setTimeout(() => search(input.value.trim()), DEBOUNCE_MS);
    }

    /** The text left in the box: the chosen item's, or a typed value kept as the value. */
    function commitTyped() {
        const text = input.value.trim();
        if (selected && text === display(selected)) {
            return;
        }
        const previous = selected;
        const match = items.find((item) => item.value === text || (item.name && item.name.toLowerCase() === text.toLowerCase()));
        if (match) {
            selected = match;
        } else {
            selected = text ? { value: text, name: '' } : null;
        }
        showSelected();
        if (o.onChange && (previous ? previous.value : '') !== (selected ? selected.value : '')) {
            o.onChange(selected);
        }
    }

    input.addEventListener('input', scheduleSearch);
    input.addEventListener('focus', () => {
        if (!input.value && !o.minChars) {
            scheduleSearch();
        }
    });
    input.addEventListener('blur', () => {
        clearTimeout(timer);
        commitTyped();
        close();
    });
    input.addEventListener('keydown', (event) => {
        switch (event.key) {
            case 'ArrowDown':
                event.preventDefault();
                if (list.hidden) {
                    if (items.length) {
                        open();
                        highlight(0);
                    } else {
                        search(selected && input.value === display(selected) ? '' : input.value.trim());
                    }
                } else {
                    highlight(Math.min(active + 1, items.length - 1));
                }
                break;
            case 'ArrowUp':
                event.preventDefault();
                if (!list.hidden) {
                    highlight(Math.max(active - 1, 0));
                }
                break;
            case 'Enter':
                if (!list.hidden && active >= 0) {
                    event.preventDefault();
                    choose(active);
                } else if (!list.hidden) {
                    event.preventDefault();
                    commitTyped();
                    close();
                }
                break;
            case 'Escape':
                if (!list.hidden) {
                    event.preventDefault();
                    close();
                }
                break;
            case 'Tab':
                if (!list.hidden && active >= 0) {
                    choose(active);
                }
                break;
            default:
                break;
        }
    });

    return {
        element,
        input,
        get value() {
            commitTyped();
            return selected ? selected.value : '';
        },
        get item() {
            return selected;
        },
        setValue(value, name) {
            selected = value ? { value, name: name || '' } : null;
            showSelected();
        },
        setField(path) {
            input.dataset.field = path;
        },
    };
}

/** Turns a list of {id|uuid, name, ...} into picker items. */
export function itemsOf(results, idKey = 'id', detail) {
    return (results || []).map((r) => ({
        value: r[idKey], name: r.name || r.displayName || r.label || '', detail: detail ? detail(r) : undefined, data: r,
    }));
}

/** Filters a local list by a query on name or id. */
export function filterLocal(items, q) {
    const needle = q.trim().toLowerCase();
    if (!needle) {
        return items;
    }
    return items.filter((item) => (item.name || '').toLowerCase().includes(needle)
        || (item.value || '').toLowerCase().includes(needle));
}
