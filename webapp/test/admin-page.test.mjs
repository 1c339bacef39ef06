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
// The test server (E2eServer) also answers /openmrs/e2e/... (who is logged in, DHIS2's latency, a DHIS2 token) and
// holds the demo clinic ("HTS Service", Jane, John and Amina Doe): the tests that need either are skipped against
// another server.
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

/** The page loaded anew (a new page load: the session and the names are read again). */
async function reopen(route) {
    await page.goto(`${PAGE_URL}#${route}`);
    await page.reload();
    await page.locator('main[aria-busy]').waitFor({ state: 'detached' }).catch(() => {});
    await page.locator('.screen h2').first().waitFor();
}

const ORIGIN = new URL(PAGE_URL).origin;
const CONTEXT = new URL(PAGE_URL).pathname.split('/moduleResources/')[0];

/** A control of the test server (E2eServer): null when the server has none (another server). */
async function control(what) {
    const r = await context.request.get(`${ORIGIN}${CONTEXT}/e2e/${what}`);
    return r.ok() ? r.text() : null;
}

let demo;
/** Whether the server is E2eServer with its demo clinic. */
async function isDemo() {
    if (demo === undefined) {
        demo = (await control('user?as=admin')) !== null;
    }
    return demo;
}

async function demoOnly(t) {
    if (!await isDemo()) {
        t.skip('needs the test server E2eServer (its demo clinic and its controls)');
        return false;
    }
    return true;
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
    return pickedId(input);
}

/** A picker shows the chosen name whole in its box and the id on the line below: the id. */
async function pickedId(input) {
    const idLine = page.locator(`[id="${await input.getAttribute('id')}-id"]`);
    await until('the id under the chosen name', async () => (await idLine.isVisible()) && (await idLine.innerText()).trim());
    const id = (await idLine.innerText()).trim();
    const shown = await input.inputValue();
    assert.ok(shown && !shown.includes(id), `the box shows the name, not the id (got "${shown}")`);
    assert.ok(await input.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), `the name "${shown}" is not cut off`);
    return id;
}

function combo(name) {
    return page.getByRole('combobox', { name, exact: true });
}

function mappingRow() {
    return page.locator('tr', { has: page.locator('th', { hasText: MAPPING_NAME }) }).first();
}

/** Clicks a Preview or Check button and returns the new job's section once shown (a kept one may show before). */
async function newJob(kind, button) {
    const title = kind === 'check' ? 'Check with DHIS2' : 'Preview';
    const section = page.locator(`section.${kind}`, { hasText: `${title} of ${MAPPING_NAME}, started` });
    const before = (await section.count()) ? await section.getAttribute('data-job-id') : null;
    await button.click();
    await until(`the new ${title}`, async () => (await section.count()) === 1 && (await section.getAttribute('data-job-id')) !== before);
    return section;
}

async function apiGet(apiPath) {
    return page.evaluate(async (p) => {
        const base = location.pathname.slice(0, location.pathname.indexOf('/moduleResources/')) + '/ws/rest/v1/dhis2sync/';
        const r = await fetch(base + p, { credentials: 'same-origin' });
        return r.json();
    }, apiPath);
}

async function apiSend(method, apiPath, body) {
    return page.evaluate(async ([m, p, b]) => {
        const base = location.pathname.slice(0, location.pathname.indexOf('/moduleResources/')) + '/ws/rest/v1/dhis2sync/';
        const r = await fetch(base + p, {
            method: m, credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest', 'Content-Type': 'application/json' },
            body: b === undefined ? undefined : JSON.stringify(b),
        });
        const text = await r.text();
        return { status: r.status, body: text ? JSON.parse(text) : null };
    }, [method, apiPath, body]);
}

/** Every table of the screen fits its box: [{table, width, box}] of those that do not. */
async function tablesWiderThanTheirBox() {
    return page.evaluate(() => [...document.querySelectorAll('main table')].filter((t) => t.offsetParent !== null)
        .map((t) => ({ table: t.className || t.querySelector('caption')?.textContent || t.parentElement.className,
            width: t.scrollWidth, box: t.parentElement.clientWidth }))
        .filter((x) => x.width > x.box + 1));
}

const JANE = 'a1b2c3d4-0000-4000-8000-0000patient01';
const AMINA = 'a1b2c3d4-0000-4000-8000-0000patient03';


test('settings: the stored settings, the kind of secret stored, and the connection test', { timeout: TIMEOUT }, async (t) => {
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

    if (!await isDemo()) {
        return;
    }
    // a personal access token stored: the page says so when opened again (the server tells the kind, never the secret)
    const token = await control('dhis2-token');
    await page.getByLabel('Sign in with').selectOption('token');
    await page.getByLabel('Password or personal access token').fill(token);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('.message.success', { hasText: 'Settings saved' }).waitFor();
    await open('/settings');
    assert.equal(await page.getByLabel('Sign in with').inputValue(), 'token', 'Sign in with: Personal access token');
    assert.ok(await page.getByLabel('DHIS2 user name').isDisabled(), 'no user name with a token');
    assert.match(await page.locator('#secret-state').innerText(), /personal access token is stored/);
    assert.ok(!(await page.content()).includes(token), 'the token is never sent back to the page');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.locator('.test-result .message', { hasText: 'Connected' }).waitFor();
    await shot('settings-token');
    t.diagnostic('settings now sign in to DHIS2 with a personal access token');
});

test('mapping editor: errors next to their fields, a mapping made through the pickers, names when reopened', { timeout: TIMEOUT }, async () => {
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
    const attributeUid = await pick(attribute, CHOICE.attribute);
    assert.match(attributeUid, UID);
    await page.getByLabel('Searchable, row 1').check();
    await page.getByLabel('No', { exact: true }).check();

    await page.getByRole('button', { name: '+ Add program stage' }).click();
    await page.getByLabel('Fed by').selectOption('ENCOUNTER_TYPE');
    await pick(combo('Encounter type'), CHOICE.feed);
    assert.match(await pick(combo('DHIS2 program stage'), CHOICE.stage), UID);
    await page.getByRole('button', { name: 'Add data element to program stage 1' }).click();
    await pick(combo('Concept, row 1 of stage 1'), CHOICE.concept);
    const dataElementUid = await pick(combo('DHIS2 data element, row 1 of stage 1'), CHOICE.dataElement);
    assert.match(dataElementUid, UID);
    const valueType = page.getByLabel('Value type, row 1 of stage 1');
    await until('the value type taken from the data element', async () => (await valueType.inputValue()) !== '');
    // the mapping as it stands, checked against DHIS2 before saving
    await page.getByRole('button', { name: 'Check against DHIS2' }).click();
    await page.locator('.health-area .message.success').waitFor();
    await shot('mapping-editor');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('.message.success', { hasText: MAPPING_NAME }).waitFor();
    await mappingRow().waitFor();
    // the list names both programs, the ids beside them
    const openmrsProgram = await mappingRow().locator('td.openmrs-program').innerText();
    const dhis2Program = await mappingRow().locator('td.dhis2-program').innerText();
    assert.ok(dhis2Program.includes(programUid) && dhis2Program.replace(programUid, '').replace(/[()]/g, '').trim().length > 0,
        `the DHIS2 program by name with its UID beside, got "${dhis2Program}"`);
    assert.ok(!/^[0-9a-f-]{36}$/.test(openmrsProgram.trim()), `the OpenMRS program by name, got "${openmrsProgram}"`);
    await shot('mappings');

    // the saved mapping reads back as it was entered, every id named
    await mappingRow().getByRole('button', { name: `Edit ${MAPPING_NAME}` }).click();
    await page.locator('form.editor').waitFor();
    assert.equal(await page.getByLabel('Mapping name').inputValue(), MAPPING_NAME);
    assert.equal(await pickedId(combo('DHIS2 program')), programUid);
    assert.equal(await pickedId(combo('DHIS2 attribute, row 1')), attributeUid, 'the attribute by name');
    assert.equal(await pickedId(combo('DHIS2 data element, row 1 of stage 1')), dataElementUid, 'the data element by name');
    await pickedId(combo('Concept, row 1 of stage 1'));
    await pickedId(combo('DHIS2 program stage'));
    await pickedId(combo('Encounter type'));
    assert.ok(await page.getByLabel('Searchable, row 1').isChecked());
    assert.ok(await page.getByLabel('No', { exact: true }).isChecked());
    await shot('mapping-editor-reopened');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('.screen[data-screen="mappings"]').waitFor();
});

test('mapping health: names of answers and org units, gender codes from the option set, problems next to their fields', { timeout: TIMEOUT }, async (t) => {
    if (!await demoOnly(t)) {
        return;
    }
    await open('/mappings');
    const row = page.locator('tr', { has: page.locator('th', { hasText: /^HTS Service$/ }) });
    await row.getByRole('button', { name: 'Edit HTS Service' }).click();
    await page.locator('form.editor').waitFor();
    // coded answers and the org unit table by name
    const answers = page.locator('table.answers th[scope="row"]');
    await until('the coded answers named', async () => (await answers.allInnerTexts()).includes('Positive'));
    const orgUnits = page.locator('table.org-units');
    await until('the org unit table named', async () => /Verify Clinic/.test(await orgUnits.locator('tbody th').first().innerText())
        && (await orgUnits.locator('input.picker-input').first().inputValue()) === 'Verify Clinic');
    // the gender codes are chosen from the option set of the attribute the gender goes to
    await page.locator('details.gender-codes summary').click();
    const female = page.getByLabel('Female (F)');
    await until('the gender codes offered from the option set', async () => (await female.evaluate((el) => el.tagName)) === 'SELECT');
    assert.equal(await female.inputValue(), 'FEMALE');
    assert.ok((await female.locator('option').allTextContents()).includes('Male (MALE)'));

    await page.getByRole('button', { name: 'Check against DHIS2' }).click();
    await page.locator('.health-area .message.success').waitFor();

    // an option code DHIS2 does not have: the problem is shown next to that answer's code
    const code = page.getByRole('combobox', { name: /^DHIS2 option code for Positive/ });
    await code.fill('POS');
    await code.press('Tab');
    await page.getByRole('button', { name: 'Check against DHIS2' }).click();
    await page.locator('.health-area .message.warning').waitFor();
    await until('the code marked invalid', async () => (await code.getAttribute('aria-invalid')) === 'true');
    const problem = page.locator(`[id="${(await code.getAttribute('aria-describedby')).split(' ').pop()}"]`);
    assert.match(await problem.innerText(), /'POS' is not a code of option set 'Verify Test Result'/);
    await shot('mapping-health-problem');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('.screen[data-screen="mappings"]').waitFor();
});

test('sync: preview names its records, the progress bar runs to the end, the run is headed by mapping and start', { timeout: TIMEOUT }, async () => {
    await open('/sync');
    const row = mappingRow();
    await row.waitFor();
    const preview = await newJob('preview', row.getByRole('button', { name: `Preview ${MAPPING_NAME}`, exact: true }));
    // the first records show while the job still reads: what follows checks the finished preview
    await until('the preview to finish', async () => preview.locator('.job-running').isHidden());
    const badges = preview.locator('.badge');
    await until('pending records in the preview', async () => (await badges.count()) > 0);
    for (const text of await badges.allInnerTexts()) {
        assert.match(text, /^(NEW|UPDATE)$/);
    }
    assert.match(await preview.locator('.counts-line').innerText(), /waiting to be sent/);
    // the summary first (per category: NEW, UPDATE, what cannot be sent), then the records
    const order = await preview.evaluate((section) => [...section.querySelectorAll('table')].map((t) => t.className));
    assert.deepEqual(order, ['summary', 'preview-records'], 'the summary table comes before the records');
    if (await isDemo()) {
        // John's weight was taken twice in his visit: the most recent is sent, and the record says so
        const warning = preview.locator('li.record-warning');
        assert.equal(await warning.count(), 1);
        assert.match(await warning.innerText(), /2 values of concept 'Weight'.*sent the most recent, '80\.4'/);
        const names = await preview.locator('.record-name').allInnerTexts();
        assert.ok(names.includes('Jane Doe (NID-0001)'), `a patient by name and identifier, got ${names}`);
        assert.ok(names.some((n) => /^Verify Visit, visit 2026-01-05 of Jane Doe \(NID-0001\)$/.test(n)), `an event by stage, visit and patient, got ${names}`);
        assert.ok(names.some((n) => /enrollment of Jane Doe \(NID-0001\), 2026-01-05$/.test(n)), `an enrollment by program, patient and date, got ${names}`);
        assert.ok(await preview.locator('a.status-link').count() > 0, 'a record leads to its patient\'s sync status');
    }
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
    assert.match(await page.locator('.run h4').innerText(), new RegExp(`^Sync of ${MAPPING_NAME}, started `), 'headed by mapping and start, not by run id');
    assert.match(await page.locator('.run .outcome').innerText(), /SUCCESS|PARTIAL/);
    // looked at covers what was created, updated and refused, in every category
    for (const counts of await page.locator('.run table.counts tbody tr').all()) {
        const [created, updated, failed, lookedAt] = (await counts.locator('td').allInnerTexts());
        const [done, total] = lookedAt.match(/\d+/g).map(Number);
        assert.ok(done >= Number(created) + Number(updated) + Number(failed) && done <= total,
            `looked at ${lookedAt} vs created ${created}, updated ${updated}, failed ${failed}`);
    }
    await until('the last successful sync shown', async () => !/never/.test(await row.locator('td.last-sync').innerText()));
    await page.waitForTimeout(500); // the bar's width is animated
    await shot('sync-done');
});

test('logs: the run, records DHIS2 rejected named, their patient\'s status, and a retry', { timeout: TIMEOUT }, async () => {
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
    const failure = failures.results.find((f) => f.category === 'INSTANCE') || failures.results[0];
    const failureRow = page.locator(`table.failures tr[data-failure-id="${failure.id}"]`);
    await failureRow.waitFor();
    assert.ok((await failureRow.locator('.dhis2-message').innerText()).includes(failure.message), 'DHIS2\'s own message is shown');
    if (await isDemo()) {
        const names = await page.locator('table.failures .record-name').allInnerTexts();
        assert.ok(names.includes('Amina Doe (NID-0003)'), `the refused patient by name, got ${names}`);
        assert.ok(names.includes('HIV Testing Services enrollment of Amina Doe (NID-0003), 2026-01-07'), `her enrollment, got ${names}`);
        assert.ok(names.includes('Verify Visit, visit 2026-01-07 of Amina Doe (NID-0003)'), `her event, got ${names}`);
        // the run's details name the records too
        await logRow.first().locator('details summary').click();
        await until('the details named', async () => /Amina Doe \(NID-0003\)/.test(await logRow.first().locator('details').innerText()));
        assert.ok(await failureRow.getByRole('button', { name: /^Retry / }).isVisible(), 'Retry is visible');
    }
    await shot('logs');

    if (await isDemo()) {
        // from the failure row to the patient's sync status: DHIS2's words, and what the next run retries
        await failureRow.getByRole('link', { name: 'Sync status' }).click();
        await page.locator('.screen[data-screen="patients"] h2', { hasText: 'Amina Doe (NID-0003)' }).waitFor();
        const mapping = page.locator('section.mapping-status', { hasText: MAPPING_NAME });
        await mapping.waitFor();
        assert.ok((await mapping.locator('ul.refusals').innerText()).includes(failure.message), 'the last DHIS2 error in DHIS2\'s words');
        assert.ok(await mapping.locator('table.pending tbody tr').count() > 0, 'what the next run sends of her');
        await shot('patient-refused');
        await page.goBack();
        await page.locator('table.failures').waitFor();
        await page.getByLabel('Mapping', { exact: true }).selectOption(MAPPING_NAME);
        await page.getByRole('button', { name: 'Filter' }).click();
        await failureRow.waitFor();
    }

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

test('patients: found by identifier or name, with UIDs, what was sent and a link into DHIS2\'s Capture app', { timeout: TIMEOUT }, async (t) => {
    if (!await demoOnly(t)) {
        return;
    }
    await open('/patients');
    await page.getByLabel('Identifier or name').fill('NID-0001');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.locator('table.patients tbody tr').first().waitFor();
    await page.getByLabel('Identifier or name').fill('Jane');
    await page.getByRole('button', { name: 'Find' }).click();
    await until('Jane found by name', async () => (await page.locator('table.patients tbody th').allInnerTexts()).join() === 'Jane Doe');
    await shot('patients-search');
    await page.getByRole('link', { name: 'Sync status of Jane Doe (NID-0001)' }).click();
    await page.locator('.screen[data-screen="patients"] h2', { hasText: 'Jane Doe (NID-0001)' }).waitFor();
    const te = await page.locator('dl.facts dd.mono').innerText();
    assert.match(te, UID, 'her tracked entity UID');
    const mapping = page.locator('section.mapping-status', { hasText: MAPPING_NAME });
    const enrollment = mapping.locator('table.enrollments tbody tr').first();
    assert.match(await enrollment.locator('td.mono').innerText(), UID, 'her enrollment UID');
    const capture = await enrollment.getByRole('link', { name: 'Open in Capture' }).getAttribute('href');
    assert.match(capture, /\/dhis-web-capture\/index\.html#\/enrollment\?enrollmentId=[A-Za-z0-9]{11}&orgUnitId=OuVerify001&programId=[A-Za-z0-9]{11}&teiId=[A-Za-z0-9]{11}$/);
    assert.ok(capture.includes(`teiId=${te}`));
    assert.match(await mapping.locator('table.events tbody tr').first().innerText(), /Verify Visit, visit 2026-01-05 of Jane Doe/);
    assert.match(await mapping.innerText(), /Nothing of this patient is waiting to be sent/);
    await shot('patient-status');
});

test('a broken mapping stops its run before sending, naming the field; a FAILED run links to no failed records', { timeout: TIMEOUT }, async (t) => {
    if (!await demoOnly(t)) {
        return;
    }
    await open('/sync');
    const hts = (await apiGet('mappings')).results.find((m) => m.name === 'HTS Service');
    const config = (await apiGet(`mappings/${hts.uuid}`)).config;
    config.name = 'Broken copy';
    config.instance.genderCodes.F = 'WOMAN';
    const created = await apiSend('POST', 'mappings', config);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    await reopen('/sync');
    const row = page.locator('tr', { has: page.locator('th', { hasText: /^Broken copy$/ }) }).first();
    await row.getByLabel('Comments for Broken copy').fill('Broken mapping');
    await row.getByRole('button', { name: 'Sync Broken copy to DHIS2' }).click();
    const outcome = page.locator('.run .outcome .message');
    await outcome.waitFor({ timeout: 60_000 });
    const text = await outcome.innerText();
    assert.match(text, /FAILED/);
    assert.match(text, /instance\.genderCodes\.F: 'WOMAN' is not a code of option set 'Verify Sex'/);
    assert.match(text, /nothing was sent/);
    assert.equal(await outcome.getByRole('link', { name: /failed record/ }).count(), 0, 'no failed records to link to');
    await shot('sync-broken-mapping');
    assert.equal((await apiSend('DELETE', `mappings/${created.body.uuid}?reason=browser%20test`)).status, 204);
});

test('logs: a running run shows its records so far', { timeout: TIMEOUT }, async (t) => {
    if (!await demoOnly(t)) {
        return;
    }
    await open('/logs');
    const hts = (await apiGet('mappings')).results.find((m) => m.name === 'HTS Service');
    await control('dhis2-latency?ms=600');
    try {
        const started = await apiSend('POST', 'sync', { mappingUuid: hts.uuid, comment: 'Slow run' });
        assert.equal(started.status, 202);
        const running = page.locator('table.logs tbody tr', { hasText: 'Slow run' }).first();
        await until('the running run with its records so far', async () => {
            await page.getByRole('button', { name: 'Filter' }).click();
            await running.waitFor({ timeout: 5_000 });
            return /RUNNING/.test(await running.innerText()) && /Patients: \d+ new/.test(await running.locator('td.records').innerText());
        }, 60_000);
        await shot('logs-running');
    } finally {
        await control('dhis2-latency?ms=0');
    }
    await until('the slow run to end', async () => {
        const runs = (await apiGet('runs?active=true')).results;
        return runs.length === 0;
    }, 90_000);
});

test('reconcile: drift made in DHIS2 behind the module\'s back is listed with its fields; one resend makes the next reconcile clean; resend from a date asks first', { timeout: TIMEOUT * 2 }, async (t) => {
    if (!await demoOnly(t)) {
        return;
    }
    await open('/reconcile');
    const hts = page.locator('section.reconcile-mapping', { has: page.locator('h3', { hasText: /^HTS Service$/ }) });
    await hts.waitFor();
    // a comment is required
    await hts.getByRole('button', { name: 'Reconcile HTS Service with DHIS2' }).click();
    await hts.locator('.field-error').waitFor();
    assert.match(await hts.locator('.field-error').innerText(), /required/);

    assert.match(await control('dhis2-drift'), /changed in DHIS2/);
    await hts.getByLabel('Comments for HTS Service').fill('Monthly check');
    await hts.getByRole('button', { name: 'Reconcile HTS Service with DHIS2' }).click();
    const report = hts.locator('section.reconcile-report');
    await until('the reconcile\'s report', async () => (await report.count()) > 0 && /Drift found/.test(await report.innerText()), 60_000);
    assert.match(await hts.locator('section.run .outcome').innerText(), /DRIFT/);
    const rows = report.locator('table.drift tbody tr');
    const different = report.locator('tr[data-kind="DIFFERENT"][data-category="INSTANCE"]');
    assert.equal(await different.count(), 1, 'Jane\'s changed name');
    assert.match(await different.locator('.record-name').innerText(), /^Jane Doe \(NID-0001\)$/);
    const field = await different.locator('dl.differences').innerText();
    assert.match(field, /Verify First name/, `the attribute by name, got ${field}`);
    assert.match(field, /TeaFirstNm1/, 'and its UID');
    assert.match(field, /“Janet”\s*→\s*“Jane”/, `DHIS2's value, then OpenMRS's, got ${field}`);
    const missing = report.locator('tr[data-kind="MISSING"][data-category="EVENT"]');
    assert.equal(await missing.count(), 1, 'John\'s deleted visit');
    assert.match(await missing.locator('.record-name').innerText(), /^Verify Visit, visit 2026-01-06 of John Doe \(NID-0002\)$/);
    const extra = report.locator('tr[data-kind="EXTRA"]');
    assert.equal(await extra.count(), 1, 'the event added by hand');
    assert.match(await extra.innerText(), /EvByHand001/);
    assert.match(await extra.innerText(), /Not sent by the module/);
    assert.match(await report.innerText(), /never changes a record it did not send/);
    assert.equal(await rows.count(), 3);
    await shot('reconcile-drift');

    // the log says who, why and what was found
    await open('/logs');
    const logged = page.locator('table.logs tbody tr', { hasText: 'Monthly check' }).first();
    await logged.waitFor();
    assert.match(await logged.innerText(), /Reconcile/);
    assert.match(await logged.innerText(), /DRIFT/);
    assert.match(await logged.innerText(), /Drift found: 1 missing, 1 different, 1 extra/);
    await shot('logs-reconcile');

    // one resend of the differences, then a reconcile comes back clean (the extra event stays as it is)
    await open('/reconcile');
    await hts.getByLabel('Comments for HTS Service').fill('Repair');
    await hts.getByRole('button', { name: 'Resend the differences of HTS Service' }).click();
    await until('the resend\'s end', async () => /Found before resending/.test(await hts.locator('section.reconcile-report').innerText().catch(() => '')), 60_000);
    assert.match(await hts.locator('section.run .outcome').innerText(), /SUCCESS/);
    assert.match(await hts.locator('section.run .outcome').innerText(), /Resent 2 record/);
    await shot('reconcile-resent');
    await hts.getByLabel('Comments for HTS Service').fill('After the repair');
    await hts.getByRole('button', { name: 'Reconcile HTS Service with DHIS2' }).click();
    await until('a clean reconcile', async () => /DHIS2 holds what OpenMRS says/.test(await hts.locator('section.reconcile-report').innerText().catch(() => '')), 60_000);
    const after = hts.locator('table.drift tbody tr');
    assert.equal(await after.count(), 1, 'only the extra event is listed');
    assert.equal(await after.first().getAttribute('data-kind'), 'EXTRA');
    await shot('reconcile-clean');

    // resend from a date: the confirmation names how many records, and Cancel sends nothing
    await hts.getByLabel('Comments for HTS Service').fill('Mapping edited');
    await hts.getByLabel('Resend everything changed since').fill('2020-01-01');
    await hts.getByRole('button', { name: 'Resend HTS Service from a date' }).click();
    const confirm = hts.locator('.confirm');
    await confirm.waitFor();
    assert.match(await confirm.innerText(), /This sends again 3 patients, 3 enrollments and the events of 3 encounters of HTS Service changed since 2020-01-01 \(9 records\)/);
    await shot('reconcile-resend-from-confirm');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await confirm.count(), 0);
    await hts.getByRole('button', { name: 'Resend HTS Service from a date' }).click();
    await confirm.getByRole('button', { name: 'Resend 9 records' }).click();
    await until('the resend from the date to end', async () => {
        const run = await hts.locator('section.run').innerText().catch(() => '');
        return /Resend from date of HTS Service/.test(run) && /Finished/.test(run);
    }, 60_000);
    assert.match(await hts.locator('section.run .outcome').innerText(), /Resent from 2020-01-01/);
    await shot('reconcile-resent-from-date');
});

test('privileges: each user sees what they may do, the server\'s own message once, "not logged in" vs "expired"', { timeout: TIMEOUT }, async (t) => {
    if (!await demoOnly(t)) {
        return;
    }
    try {
        // a user who may only run syncs: no Add, Import, Export or Retire; no Logs, Patients or Settings
        await control('user?as=runner');
        await reopen('/mappings');
        await page.locator('table.mappings').waitFor();
        for (const name of ['+ Add mapping', 'Export all', /^Retire /, /^Edit /]) {
            assert.equal(await page.getByRole('button', { name }).count(), 0, `no ${name} for a user who only runs syncs`);
        }
        assert.equal(await page.locator('label[for="import-file"]').count(), 0, 'no Import');
        for (const route of ['logs', 'patients', 'settings']) {
            assert.ok(await page.locator(`nav a[data-route="${route}"]`).isHidden(), `no ${route} in the navigation`);
        }
        assert.ok(await page.locator('nav a[data-route="sync"]').isVisible());
        await shot('privileges-run-only');

        // the privilege taken away while the page is open: the server's message, naming it, shown once
        await control('user?as=viewer');
        await reopen('/logs');
        await page.locator('table.logs').waitFor();
        await control('user?as=runner');
        await page.getByRole('button', { name: 'Filter' }).click();
        const banner = page.locator('#auth-problem');
        await banner.waitFor();
        await until('the server\'s message', async () => /View DHIS2 Sync Logs/.test(await banner.innerText()));
        await page.waitForTimeout(500);
        const bodyText = await page.locator('body').innerText();
        assert.equal(bodyText.split("This needs the privilege 'View DHIS2 Sync Logs'").length - 1, 1, `the message once, got:\n${bodyText}`);
        await shot('privileges-refused-once');

        // no session at all, then a session that ends
        await control('user?as=nobody');
        await reopen('/mappings').catch(() => {});
        await until('not logged in', async () => /You are not logged in/.test(await page.locator('#auth-problem').innerText()));
        assert.ok(!/expired/.test(await page.locator('#auth-problem').innerText()));
        await shot('not-logged-in');
        await control('user?as=admin');
        await reopen('/logs');
        await page.locator('table.logs').waitFor();
        await control('user?as=nobody');
        await page.getByRole('button', { name: 'Filter' }).click();
        await until('the session expired', async () => /Your session has expired/.test(await page.locator('#auth-problem').innerText()));
        await shot('session-expired');
    } finally {
        await control('user?as=admin');
    }
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

test('layout: no table is wider than its box at 768 and 1280 px, on every screen; keyboard use', { timeout: TIMEOUT * 2 }, async () => {
    const hts = (await apiGet('mappings')).results.find((m) => m.name === 'HTS Service')
        || (await apiGet('mappings')).results[0];
    const screens = [
        ['mappings', async () => open('/mappings')],
        ['editor', async () => {
            await open(`/mappings/${hts.uuid}`);
            await page.locator('table.org-units').waitFor();
            await page.locator('details.gender-codes summary').click();
        }],
        ['sync', async () => {
            await open('/sync');
            // the imported copy has never run: everything is waiting, in a preview of every kind of record
            const preview = page.getByRole('button', { name: `Preview ${MAPPING_NAME} copy`, exact: true });
            await preview.click();
            await page.locator('section.preview', { hasText: `Preview of ${MAPPING_NAME} copy, started` })
                .locator('table.preview-records').waitFor();
        }],
        ['logs', async () => {
            await open('/logs');
            await page.locator('table.logs').waitFor();
            for (const summary of await page.locator('table.logs details summary').all()) {
                await summary.click();
            }
        }],
        ['patients', async () => {
            await open('/patients');
            await page.getByLabel('Identifier or name').fill('Doe');
            await page.getByRole('button', { name: 'Find' }).click();
            await page.locator('table.patients').waitFor().catch(() => {});
        }],
        ['patient', async () => {
            await open(`/patients/${await isDemo() ? AMINA : JANE}`);
            await page.locator('section.section').first().waitFor();
        }],
        ['settings', async () => open('/settings')],
        ['reconcile', async () => {
            await open('/reconcile');
            if (await isDemo()) {
                await page.locator('table.drift').first().waitFor();
            }
        }],
    ];
    for (const width of [768, 1280]) {
        await page.setViewportSize({ width, height: 1024 });
        for (const [name, show] of screens) {
            await show();
            await page.waitForTimeout(300);
            assert.deepEqual(await tablesWiderThanTheirBox(), [], `${name} at ${width} px: every table fits its box`);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            assert.ok(overflow <= 0, `${name} fits ${width} px without a horizontal scroll (overflow ${overflow}px)`);
            await shot(`${width === 768 ? 'tablet' : 'desktop'}-${name}`);
        }
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

test('sync: a clinic\'s first sync — the summary first, records paged by category, progress and cancel while the check runs, the check covers all', { timeout: TIMEOUT * 2 }, async (t) => {
    if (!await demoOnly(t)) {
        return;
    }
    await control('clinic?patients=40');
    await open('/sync');
    const row = mappingRow();
    await row.waitFor();
    // the actions are at the top, in the mapping's row
    for (const name of [`Preview ${MAPPING_NAME}`, `Check ${MAPPING_NAME} with DHIS2`, `Sync ${MAPPING_NAME} to DHIS2`]) {
        assert.ok(await row.getByRole('button', { name, exact: true }).isVisible(), `${name} in the mapping's row`);
    }
    const preview = await newJob('preview', row.getByRole('button', { name: `Preview ${MAPPING_NAME}`, exact: true }));
    await until('the preview to end', async () => /Nothing was sent/.test(await preview.locator('.outcome').innerText()), 60_000);
    const summaryRow = async (section, category) => (await section.locator(`table.summary tr[data-category="${category}"] td`).allInnerTexts()).map(Number);
    const [patientsNew, patientsUpdated, , patientsTotal] = await summaryRow(preview, 'INSTANCE');
    assert.ok(patientsNew + patientsUpdated >= 40 && patientsTotal >= 40, `at least the 40 new patients counted, got ${patientsNew} + ${patientsUpdated} of ${patientsTotal}`);
    const [, , , eventsTotal] = await summaryRow(preview, 'EVENT');
    assert.ok(eventsTotal >= 40, `their 40 visits counted, got ${eventsTotal}`);
    await shot('sync-preview-summary');

    // records grouped by category, 25 a page
    await preview.getByRole('button', { name: /^Events \(\d+\)$/ }).click();
    await until('only events listed', async () => {
        const categories = await preview.locator('table.preview-records tbody tr:not(.group-row)').evaluateAll((rows) => rows.map((r) => r.dataset.category));
        return categories.length === 25 && categories.every((c) => c === 'EVENT');
    });
    assert.match(await preview.locator('.page-info').innerText(), new RegExp(`^Records 1–25 of ${eventsTotal}$`));
    await preview.getByRole('button', { name: 'Next' }).click();
    await until('the second page', async () => /^Records 26–/.test(await preview.locator('.page-info').innerText()));
    assert.equal(await preview.locator('tr.group-row').count(), 1, 'one heading row for the one category shown');
    await shot('sync-preview-paged');

    // the check runs in the background: its progress, its first records while it runs, then a verdict on all of it
    await control('dhis2-latency?ms=700');
    try {
        const check = await newJob('check', row.getByRole('button', { name: `Check ${MAPPING_NAME} with DHIS2`, exact: true }));
        const bar = check.getByRole('progressbar');
        await bar.waitFor();
        await until('records shown while the check runs', async () => await check.locator('.job-running').isVisible()
            && (await check.locator('table.check-records tbody tr:not(.group-row)').count()) > 0, 60_000);
        assert.ok(await check.getByRole('button', { name: 'Cancel' }).isVisible(), 'a running check can be cancelled');
        await shot('sync-check-progress');
        await until('the check to end', async () => (await check.locator('.outcome .message').count()) > 0, 90_000);
        const outcome = await check.locator('.outcome').innerText();
        assert.match(outcome, /DHIS2 accepts all \d+ records checked|DHIS2 would refuse \d+ of \d+ records/);
        assert.match(await check.locator('.job-notes').innerText(), /Every pending record was checked: \d+ patients, \d+ enrollments, \d+ events/);
        const [, , , checkedPatients] = await summaryRow(check, 'INSTANCE');
        assert.equal(checkedPatients, patientsTotal, 'every pending patient checked');
        const [enrollmentsNew, enrollmentsUpdated] = await summaryRow(check, 'ENROLLMENT');
        assert.ok(enrollmentsNew + enrollmentsUpdated >= 40, `every new patient's enrollment checked with its patient, got ${enrollmentsNew} + ${enrollmentsUpdated}`);
        const [, , , checkedEvents] = await summaryRow(check, 'EVENT');
        assert.equal(checkedEvents, eventsTotal, 'every pending event checked');
        const notYet = await check.locator('table.check-records').innerText();
        assert.ok(!/not in DHIS2 yet/.test(notYet), 'no record refused for its patient being new');
        await check.getByLabel(/Only problems/).check();
        await until('only problems listed', async () => (await check.locator('table.check-records tbody tr.valid').count()) === 0);
        await shot('sync-check');

        // a check started again can be cancelled; what it found so far stays
        const again = await newJob('check', row.getByRole('button', { name: `Check ${MAPPING_NAME} with DHIS2`, exact: true }));
        await until('the new check running', async () => again.getByRole('button', { name: 'Cancel' }).isVisible());
        await again.getByRole('button', { name: 'Cancel' }).click();
        await until('the check cancelled', async () => /Cancelled/.test(await again.locator('.outcome').innerText()), 60_000);
        assert.match(await again.locator('.job-notes').innerText(), /Only part of what is pending was checked/);
        await shot('sync-check-cancelled');
    } finally {
        await control('dhis2-latency?ms=0');
    }
});
