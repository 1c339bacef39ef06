// Settings: DHIS2 URL, user, password or personal access token (write-only), API choice, default org unit,
// batch size, timeout; and Test connection.

import { api } from './api.js';
import { h, clear, message, field, problemNote } from './dom.js';
import { createPicker } from './picker.js';
import { showErrors, clearErrors, errorSummary, UID_PATTERN } from './forms.js';
import { dhis2Search, forgetMetadata } from './metadata.js';
import { forgetMappingNames } from './names.js';

const APIS = [['auto', 'Automatic (from the DHIS2 version)'], ['legacy', 'Legacy tracker API (trackedEntityInstances, enrollments, events)'], ['tracker', 'New tracker API (/api/tracker)']];

export async function renderSettings(root) {
    root.append(h('h2', {}, 'Settings'));
    let settings;
    try {
        settings = await api.get('settings');
    } catch (e) {
        root.append(problemNote('The settings could not be read', e) || '');
        return null;
    }
    const transportWarning = h('div', { 'aria-live': 'polite' }, settings.warning ? message('warning', settings.warning) : '');
    const url = h('input', { type: 'url', value: settings.url || '', dataset: { field: 'url' }, placeholder: 'https://dhis2.example.org', autocomplete: 'off', spellcheck: 'false' });
    const username = h('input', { type: 'text', value: settings.username || '', dataset: { field: 'username' }, autocomplete: 'off', disabled: settings.secretKind === 'token' });
    // the server tells which kind of secret is stored (never the secret): the form starts on that kind
    const storedKind = settings.secretKind || (settings.passwordSet && !settings.username ? 'token' : 'password');
    const secretKind = h('select', { dataset: { field: 'secretKind' } },
        h('option', { value: 'password', selected: storedKind === 'password' }, 'Password'),
        h('option', { value: 'token', selected: storedKind === 'token' }, 'Personal access token'));
    const secret = h('input', {
        type: 'password', dataset: { field: 'password' }, autocomplete: 'new-password',
        placeholder: settings.passwordSet ? 'Stored — leave empty to keep it' : 'Not set',
    });
    const clearSecret = h('input', { type: 'checkbox', id: 'clear-secret', disabled: !settings.passwordSet });
    const apiChoice = h('select', { dataset: { field: 'api' } }, APIS.map(([v, l]) => h('option', { value: v, selected: settings.api === v }, l)));
    const orgUnit = createPicker({
        label: 'Default org unit', visibleLabel: true, field: 'defaultOrgUnit', value: settings.defaultOrgUnit || '', acceptsTyped: true,
        search: dhis2Search('orgUnits', (o) => o.path || o.code),
    });
    const batchSize = h('input', { type: 'number', min: '1', max: '1000', step: '1', value: settings.batchSize ?? '', dataset: { field: 'batchSize' } });
    const timeout = h('input', { type: 'number', min: '1', max: '600', step: '1', value: settings.timeoutSeconds ?? '', dataset: { field: 'timeoutSeconds' } });
    const saved = h('div', { 'aria-live': 'polite' });
    const summary = errorSummary();
    const stored = (kind, set) => (!set ? 'No password or token is stored.'
        : `A ${kind === 'token' ? 'personal access token' : 'password'} is stored (it is never shown).`);
    const secretState = h('p', { class: 'hint', id: 'secret-state' }, stored(settings.secretKind, settings.passwordSet));

    secretKind.addEventListener('change', () => {
        // a token goes without a user name (DHIS2's "ApiToken" scheme)
        username.disabled = secretKind.value === 'token';
    });
    clearSecret.addEventListener('change', () => {
        secret.disabled = clearSecret.checked;
    });

    const form = h('form', {
        class: 'settings', novalidate: true,
        onsubmit: async (event) => {
            event.preventDefault();
            clearErrors(form);
            clear(saved);
            const body = {
                url: url.value.trim(),
                username: secretKind.value === 'token' ? '' : username.value.trim(),
                api: apiChoice.value,
                defaultOrgUnit: orgUnit.value,
                batchSize: batchSize.value === '' ? null : Number(batchSize.value),
                timeoutSeconds: timeout.value === '' ? null : Number(timeout.value),
            };
            if (clearSecret.checked) {
                body.password = '';
            } else if (secret.value) {
                body[secretKind.value === 'token' ? 'apiToken' : 'password'] = secret.value;
            }
            const errors = check(body);
            if (errors.length) {
                showErrors(form, errors);
                return;
            }
            try {
                const fresh = await api.post('settings', body);
                secret.value = '';
                clearSecret.checked = false;
                secret.disabled = false;
                clearSecret.disabled = !fresh.passwordSet;
                secret.placeholder = fresh.passwordSet ? 'Stored — leave empty to keep it' : 'Not set';
                secretState.textContent = stored(fresh.secretKind, fresh.passwordSet);
                forgetMetadata();
                forgetMappingNames();
                saved.append(message('success', 'Settings saved.'));
                clear(transportWarning);
                if (fresh.warning) {
                    transportWarning.append(message('warning', fresh.warning));
                }
            } catch (e) {
                showErrors(form, e.errors.map((x) => (x.field === 'apiToken' ? { ...x, field: 'password' } : x)));
            }
        },
    }, summary,
    h('fieldset', { class: 'section' }, h('legend', {}, 'DHIS2 server'),
        field('DHIS2 URL', url, 'The base address, e.g. https://dhis2.example.org (no user name or password in it). A changed address (scheme, host or port) needs the password or token again.'),
        transportWarning,
        field('Sign in with', secretKind),
        field('DHIS2 user name', username),
        field('Password or personal access token', secret),
        h('p', { class: 'hint', id: 'secret-hint' }, 'Write-only: stored encrypted and never sent back to the browser.'),
        secretState,
        h('div', { class: 'field checkbox' }, clearSecret, h('label', { for: 'clear-secret' }, 'Remove the stored password or token')),
        field('DHIS2 API', apiChoice)),
    h('fieldset', { class: 'section' }, h('legend', {}, 'Sending'),
        h('div', { class: 'field' }, h('label', { for: orgUnit.input.id }, 'Default org unit'), orgUnit.element,
            h('p', { class: 'hint' }, 'Used for a location that has no mapped org unit; empty for none.')),
        field('Batch size', batchSize, 'Records per request to DHIS2, 1 to 1000.'),
        field('Timeout (seconds)', timeout, 'Of each request to DHIS2, 1 to 600.')),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save settings')),
    saved);
    secret.setAttribute('aria-describedby', 'secret-hint secret-state');

    const testResult = h('div', { class: 'test-result', 'aria-live': 'polite' });
    const testButton = h('button', {
        type: 'button',
        onclick: async () => {
            testButton.disabled = true;
            clear(testResult).append(h('p', { class: 'loading' }, 'Contacting DHIS2…'));
            try {
                const r = await api.post('settings/test-connection');
                clear(testResult).append(r.reachable
                    ? message('success', h('strong', {}, 'Connected.'), ` DHIS2 ${r.version || ''}`, r.apiGeneration ? `, ${r.apiGeneration === 'TRACKER' ? 'new tracker API' : 'legacy tracker API'}` : '',
                        r.user ? `, signed in as ${r.user}` : '', r.message ? `. ${r.message}` : '.')
                    : message('error', h('strong', {}, 'Not connected. '), r.message || 'DHIS2 could not be reached.'));
                if (r.reachable && r.completionDateNotice) {
                    testResult.append(message('warning', h('strong', {}, 'Completion dates: '), r.completionDateNotice));
                }
            } catch (e) {
                clear(testResult).append(message('error', h('strong', {}, 'Not connected. '), e.message));
            } finally {
                testButton.disabled = false;
            }
        },
    }, 'Test connection');
    root.append(form, h('section', { class: 'section', 'aria-labelledby': 'test-h' },
        h('h3', { id: 'test-h' }, 'Connection'),
        h('p', { class: 'hint' }, 'Tests the saved settings: save first after a change.'),
        testButton, testResult));
    return null;
}

function check(body) {
    const errors = [];
    if (body.url && !/^https?:\/\/[^\s/@]+/i.test(body.url)) {
        errors.push({ field: 'url', message: 'must be an absolute http or https address without credentials' });
    }
    if (body.defaultOrgUnit && !UID_PATTERN.test(body.defaultOrgUnit)) {
        errors.push({ field: 'defaultOrgUnit', message: `'${body.defaultOrgUnit}' is not a DHIS2 UID` });
    }
    if (body.batchSize === null || !Number.isInteger(body.batchSize) || body.batchSize < 1 || body.batchSize > 1000) {
        errors.push({ field: 'batchSize', message: 'a whole number from 1 to 1000' });
    }
    if (body.timeoutSeconds === null || !Number.isInteger(body.timeoutSeconds) || body.timeoutSeconds < 1 || body.timeoutSeconds > 600) {
        errors.push({ field: 'timeoutSeconds', message: 'a whole number from 1 to 600' });
    }
    return errors;
}
