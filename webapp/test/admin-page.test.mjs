// Browser tests of the admin page in a real headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core, which downloads nothing). They run against a server that serves webapp/ at
// /openmrs/moduleResources/dhis2sync/ and the real REST layer at /openmrs/ws/rest/v1/dhis2sync/ (H2 + the fake
// DHIS2), as a user holding the four DHIS2 Sync privileges.
//
// Environment:
//   DHIS2SYNC_TEST_URL        (required) the server's base URL, e.g. http://127.0.0.1:8080 (or the page's full URL)
//   DHIS2SYNC_TEST_USERNAME / DHIS2SYNC_TEST_PASSWORD   HTTP Basic credentials sent with every request, when the
//                             server does not already treat the browser as logged in
//   DHIS2SYNC_TEST_DHIS2_URL / _DHIS2_USERNAME / _DHIS2_PASSWORD   when set, the Settings screen is filled with them
//   What the pickers search for (empty = the first entry the metadata endpoint lists):
//   DHIS2SYNC_TEST_OPENMRS_PROGRAM, DHIS2SYNC_TEST_DHIS2_PROGRAM, DHIS2SYNC_TEST_PATIENT_FIELD (label of the
//   Bahmni data point), DHIS2SYNC_TEST_ATTRIBUTE, DHIS2SYNC_TEST_FEED (encounter type), DHIS2SYNC_TEST_STAGE,
//   DHIS2SYNC_TEST_CONCEPT (>= 2 characters, default "Weight"), DHIS2SYNC_TEST_DATA_ELEMENT (default "Weight")
//   The server's seed must give the mapping so created pending records (patients, an enrollment, events), and
//   make DHIS2 reject at least one of them on the first run, accepting it on a retry.
// Screenshots of every screen go to webapp/test/output/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'output');
const env = process.env;
const BASE = env.DHIS2SYNC_TEST_URL;
if (!BASE) {
    throw new Error('DHIS2SYNC_TEST_URL is not set: the base URL of the test server, e.g. http://127.0.0.1:8080');
}
const PAGE_URL = BASE.includes('/moduleResources/') ? BASE.split('#')[0]
    : `${BASE.replace(/\/+$/, '')}/openmrs/moduleResources/dhis2sync/index.html`;
const CHOICE = {
    openmrsProgram: env.DHIS2SYNC_TEST_OPENMRS_PROGRAM || '',
    dhis2Program: env.DHIS2SYNC_TEST_DHIS2_PROGRAM || '',
    patientField: env.DHIS2SYNC_TEST_PATIENT_FIELD || '',
    attribute: env.DHIS2SYNC_TEST_ATTRIBUTE || '',
    feed: env.DHIS2SYNC_TEST_FEED || '',
    stage: env.DHIS2SYNC_TEST_STAGE || '',
    concept: env.DHIS2SYNC_TEST_CONCEPT || 'Weight',
    dataElement: env.DHIS2SYNC_TEST_DATA_ELEMENT || 'Weight',
};
const UID = /^[A-Za-z][A-Za-z0-9]{10}$/;
const MAPPING_NAME = `Browser test ${new Date().toISOString().replace(/[:.]/g, '-')}`;
const TIMEOUT = 120_000;

let context;
let page;
let userDataDir;
const pageErrors = [];

before(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dhis2sync-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync'],
        viewport: { width: 1280, height: 900 },
        acceptDownloads: true,
        httpCredentials: env.DHIS2SYNC_TEST_USERNAME
            ? { username: env.DHIS2SYNC_TEST_USERNAME, password: env.DHIS2SYNC_TEST_PASSWORD || '', send: 'always' } : undefined,
    });
    context.setDefaultTimeout(30_000);
    page = context.pages()[0] || await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
        if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) {
            pageErrors.push(m.text());
        }
    });
});

after(async () => {
    if (context) {
        await context.close();
    }
    fs.rmSync(userDataDir, { recursive: true, force: true });
});

async function open(route) {
    await page.goto(`${PAGE_URL}#${route}`);
    await page.locator('main[aria-busy]').waitFor({ state: 'detached' }).catch(() => {});
    await page.locator('.screen h2').first().waitFor();
}

async function shot(name) {
    await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
}

async function until(what, condition, timeout = 30_000) {
    const end = Date.now() + timeout;
    let last;
    while (Date.now() < end) {
        try {
            last = await condition();
            if (last) {
                return last;
            }
        } catch (e) {
            last = e;
        }
        await page.waitForTimeout(150);
    }
    throw new Error(`timed out waiting for ${what} (last: ${last})`);
}

/** Chooses through a picker with the keyboard: type the query (or open the list), ArrowDown, Enter. */
async function pick(input, query) {
    await input.click();
    const listId = await input.getAttribute('aria-controls');
    const options = page.locator(`[id="${listId}"] [role="option"]`);
    if (query) {
        await input.fill(query);
        await until(`an option matching "${query}"`, async () => (await options.count()) > 0
            && (await options.first().innerText()).toLowerCase().includes(query.toLowerCase()));
    } else {
        await input.fill('');
        await input.press('ArrowDown');
        await until('an option', async () => (await options.count()) > 0);
    }
    await input.press('ArrowDown');
    await until('a highlighted option', async () => (await input.getAttribute('aria-activedescendant')) !== null);
    await input.press('Enter');
    const chosen = await input.inputValue();
    assert.match(chosen, /\(.+\)$/, `the picker shows "name (id)" after choosing, got "${chosen}"`);
    return chosen.replace(/^.*\(([^()]+)\)$/, '$1');
}

function combo(name) {
    return page.getByRole('combobox', { name, exact: true });
}

function mappingRow() {
    return page.locator('tr', { has: page.locator('th', { hasText: MAPPING_NAME }) }).first();
}

async function apiGet(apiPath) {
    return page.evaluate(async (p) => {
        const base = location.pathname.slice(0, location.pathname.indexOf('/moduleResources/')) + '/ws/rest/v1/dhis2sync/';
        const r = await fetch(base + p, { credentials: 'same-origin' });
        return r.json();
    }, apiPath);
}

test('settings: the form shows the stored settings and the connection test reaches DHIS2', { timeout: TIMEOUT }, async () => {
    await open('/settings');
    const url = page.getByLabel('DHIS2 URL');
    if (env.DHIS2SYNC_TEST_DHIS2_URL) {
        await url.fill(env.DHIS2SYNC_TEST_DHIS2_URL);
        await page.getByLabel('DHIS2 user name').fill(env.DHIS2SYNC_TEST_DHIS2_USERNAME || '');
        if (env.DHIS2SYNC_TEST_DHIS2_PASSWORD) {
            await page.getByLabel('Password or personal access token').fill(env.DHIS2SYNC_TEST_DHIS2_PASSWORD);
        }
        await page.getByRole('button', { name: 'Save settings' }).click();
        await page.locator('.message.success', { hasText: 'Settings saved' }).waitFor();
    }
    assert.notEqual(await url.inputValue(), '', 'a DHIS2 URL is configured');
    assert.equal(await page.getByLabel('Password or personal access token').inputValue(), '', 'the password is never shown');
    // a bad batch size is refused next to its field
    const batch = page.getByLabel('Batch size');
    const kept = await batch.inputValue();
    await batch.fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const error = page.locator('.field-error').first();
    await error.waitFor();
    assert.ok((await batch.getAttribute('aria-describedby')).includes(await error.getAttribute('id')), 'the error is linked to the batch size');
    await batch.fill(kept);
    await page.getByRole('button', { name: 'Test connection' }).click();
    const result = page.locator('.test-result .message').first();
    await result.waitFor();
    assert.match(await result.innerText(), /Connected/, 'the connection test reaches DHIS2');
    // the demo's DHIS2 is 2.41 through the tracker API, which keeps the sync time as an enrollment's completion date
    const notice = page.locator('.test-result .message.warning');
    await notice.waitFor();
    assert.match(await notice.innerText(), /completion date/, 'the page warns that completion dates become sync times');
    await shot('settings');
});

test('mapping editor: errors next to their fields, then a mapping made through the pickers', { timeout: TIMEOUT }, async () => {
    await open('/mappings');
    await page.getByRole('button', { name: '+ Add mapping' }).click();
    await page.locator('form.editor').waitFor();

    // nothing filled in: each error is shown beside its field and linked to it
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const name = page.getByLabel('Mapping name');
    await until('the name marked invalid', async () => (await name.getAttribute('aria-invalid')) === 'true');
    const describedBy = (await name.getAttribute('aria-describedby')).split(' ');
    const nameError = page.locator('.field-error', { hasText: 'required' }).first();
    assert.ok(describedBy.includes(await nameError.getAttribute('id')), 'the name error is linked with aria-describedby');
    assert.ok(await page.locator('.error-summary li').count() >= 3, 'the summary lists the problems');
    await shot('mapping-editor-errors');

    await name.fill(MAPPING_NAME);
    await pick(combo('OpenMRS program'), CHOICE.openmrsProgram);
    const programUid = await pick(combo('DHIS2 program'), CHOICE.dhis2Program);
    assert.match(programUid, UID);
    await until('the tracked entity type filled from the program',
        async () => UID.test(await page.getByLabel('DHIS2 tracked entity type').inputValue()));

    // a typed UID that is not one is refused next to the attribute
    const attribute = combo('DHIS2 attribute, row 1');
    await attribute.fill('not-a-uid');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await until('the attribute marked invalid', async () => (await attribute.getAttribute('aria-invalid')) === 'true');

    const source = page.getByLabel('Bahmni data point, row 1');
    if (CHOICE.patientField) {
        await source.selectOption({ label: CHOICE.patientField });
    } else {
        await source.selectOption({ index: 1 });
    }
    assert.match(await pick(attribute, CHOICE.attribute), UID);
    await page.getByLabel('Searchable, row 1').check();
    await page.getByLabel('No', { exact: true }).check();

    await page.getByRole('button', { name: '+ Add program stage' }).click();
    await page.getByLabel('Fed by').selectOption('ENCOUNTER_TYPE');
    await pick(combo('Encounter type'), CHOICE.feed);
    assert.match(await pick(combo('DHIS2 program stage'), CHOICE.stage), UID);
    await page.getByRole('button', { name: 'Add data element to program stage 1' }).click();
    await pick(combo('Concept, row 1 of stage 1'), CHOICE.concept);
    assert.match(await pick(combo('DHIS2 data element, row 1 of stage 1'), CHOICE.dataElement), UID);
    const valueType = page.getByLabel('Value type, row 1 of stage 1');
    await until('the value type taken from the data element', async () => (await valueType.inputValue()) !== '');
    await shot('mapping-editor');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('.message.success', { hasText: MAPPING_NAME }).waitFor();
    await mappingRow().waitFor();
    await shot('mappings');

    // the saved mapping reads back as it was entered
    await mappingRow().getByRole('button', { name: `Edit ${MAPPING_NAME}` }).click();
    await page.locator('form.editor').waitFor();
    assert.equal(await page.getByLabel('Mapping name').inputValue(), MAPPING_NAME);
    assert.ok((await combo('DHIS2 program').inputValue()).includes(programUid));
    assert.ok(await page.getByLabel('Searchable, row 1').isChecked());
    assert.ok(await page.getByLabel('No', { exact: true }).isChecked());
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('.screen[data-screen="mappings"]').waitFor();
});

test('sync: preview shows NEW / UPDATE records, and the progress bar runs to the end', { timeout: TIMEOUT }, async () => {
    await open('/sync');
    const row = mappingRow();
    await row.waitFor();
    await row.getByRole('button', { name: `Preview ${MAPPING_NAME}` }).click();
    const preview = page.locator('section.preview');
    await preview.waitFor();
    const badges = preview.locator('.badge');
    await until('pending records in the preview', async () => (await badges.count()) > 0);
    for (const text of await badges.allInnerTexts()) {
        assert.match(text, /^(NEW|UPDATE)$/);
    }
    assert.match(await preview.locator('.counts-line').innerText(), /waiting to be sent/);
    await shot('sync-preview');

    // a comment is required
    await row.getByRole('button', { name: `Sync ${MAPPING_NAME} to DHIS2` }).click();
    const comment = row.getByLabel(`Comments for ${MAPPING_NAME}`);
    await until('the comment marked invalid', async () => (await comment.getAttribute('aria-invalid')) === 'true');

    await comment.fill('Browser test run');
    await row.getByRole('button', { name: `Sync ${MAPPING_NAME} to DHIS2` }).click();
    const bar = page.getByRole('progressbar', { name: `Progress of the sync of ${MAPPING_NAME}` });
    await bar.waitFor();
    const seen = new Set();
    await until('the run to end', async () => {
        seen.add(await bar.getAttribute('aria-valuenow'));
        if (seen.size === 2) {
            await shot('sync-progress');
        }
        return page.locator('.run .outcome .message').count();
    }, 90_000);
    assert.equal(await bar.getAttribute('aria-valuenow'), '100', 'the bar reaches the end');
    assert.match(await page.locator('.run .outcome').innerText(), /SUCCESS|PARTIAL/);
    const counts = await page.locator('.run table.counts').innerText();
    assert.match(counts, /Patients/);
    await until('the last successful sync shown', async () => !/never/.test(await row.locator('td.last-sync').innerText()));
    await page.waitForTimeout(500); // the bar's width is animated
    await shot('sync-done');
});

test('logs: the run, a record DHIS2 rejected with its message, and a retry', { timeout: TIMEOUT }, async () => {
    await open('/logs');
    await page.getByLabel('Mapping', { exact: true }).selectOption(MAPPING_NAME);
    await page.getByRole('button', { name: 'Filter' }).click();
    const logRow = page.locator('table.logs tbody tr', { hasText: 'Browser test run' });
    await logRow.first().waitFor();
    const cells = await logRow.first().locator('td').allInnerTexts();
    assert.equal(cells[0], MAPPING_NAME);
    assert.match(cells[3], /SUCCESS|PARTIAL/);
    assert.equal(await page.locator('svg.chart rect.bar').count(), 30, 'one bar per day of the last 30 days');

    const failures = await apiGet(`failures?mapping=${encodeURIComponent((await apiGet('mappings')).results.find((m) => m.name === MAPPING_NAME).uuid)}`);
    assert.ok(failures.results.length > 0, 'the seed makes DHIS2 reject a record of the first run');
    const failure = failures.results[0];
    const failureRow = page.locator(`table.failures tr[data-failure-id="${failure.id}"]`);
    await failureRow.waitFor();
    assert.ok((await failureRow.locator('.dhis2-message').innerText()).includes(failure.message), 'DHIS2\'s own message is shown');
    await shot('logs');

    const runsBefore = (await apiGet(`logs?mapping=${encodeURIComponent(MAPPING_NAME)}`)).total;
    await failureRow.getByRole('button', { name: /^Retry / }).click();
    await page.locator('.retry-area .run').waitFor();
    await until('the retry run to end', async () => page.locator('.retry-area .run .outcome .message').count(), 90_000);
    assert.equal(await page.getByRole('progressbar').first().getAttribute('aria-valuenow'), '100');
    await until('the retry in the logs', async () => (await apiGet(`logs?mapping=${encodeURIComponent(MAPPING_NAME)}`)).total > runsBefore);
    await until('the retried record gone', async () => (await page.locator(`table.failures tr[data-failure-id="${failure.id}"]`).count()) === 0);
    await page.waitForTimeout(500); // the bar's width is animated
    await shot('logs-after-retry');
});

test('mappings: export one, import it back (a name clash is reported), import a renamed copy', { timeout: TIMEOUT }, async () => {
    await open('/mappings');
    const [download] = await Promise.all([
        page.waitForEvent('download'),
        mappingRow().getByRole('button', { name: `Export ${MAPPING_NAME}` }).click(),
    ]);
    const file = path.join(OUT, 'exported-mapping.json');
    await download.saveAs(file);
    const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(exported.mappings.length, 1);
    assert.equal(exported.mappings[0].name, MAPPING_NAME);

    await page.setInputFiles('#import-file', file);
    await page.locator('.import-result .message.warning', { hasText: MAPPING_NAME }).waitFor();

    const copyName = `${MAPPING_NAME} copy`;
    exported.mappings[0].name = copyName;
    const copy = path.join(OUT, 'renamed-mapping.json');
    fs.writeFileSync(copy, JSON.stringify(exported, null, 2));
    await page.setInputFiles('#import-file', copy);
    await page.locator('.import-result .message.success', { hasText: copyName }).waitFor();
    await page.locator('tr', { has: page.locator('th', { hasText: copyName }) }).waitFor();
    await shot('mappings-import');

    const [all] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all' }).click()]);
    const allFile = path.join(OUT, 'exported-all.json');
    await all.saveAs(allFile);
    const names = JSON.parse(fs.readFileSync(allFile, 'utf8')).mappings.map((m) => m.name);
    assert.ok(names.includes(MAPPING_NAME) && names.includes(copyName));
});

test('layout: usable by keyboard and readable at tablet width', { timeout: TIMEOUT }, async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    for (const route of ['/mappings', '/sync', '/logs', '/settings']) {
        await open(route);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${route} fits 768 px without a horizontal scroll (overflow ${overflow}px)`);
        await shot(`tablet-${route.slice(1)}`);
    }
    await open('/mappings');
    // a screen starts with focus on its heading; Tab goes on to its first control, with a visible focus ring
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
        text: document.activeElement.textContent.trim(),
        outline: getComputedStyle(document.activeElement).outlineStyle,
    }));
    assert.equal(focused.text, '+ Add mapping');
    assert.notEqual(focused.outline, 'none', 'the focused control shows a focus ring');
    await page.keyboard.press('Enter');
    await page.locator('form.editor').waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.deepEqual(pageErrors, [], 'no script error on any screen');
});
