// The shell: a hash router over the screens, the navigation state (only the screens the user may use), and the
// page-wide session / privilege notice, each message shown once.

import { onAuthProblem, PRIVILEGES } from './api.js';
import { h, clear, message } from './dom.js';
import { takeFlash } from './nav.js';
import { loadSession, canAny } from './session.js';
import { renderMappings } from './mappings.js';
import { renderEditor } from './editor.js';
import { renderSync } from './sync.js';
import { renderReconcile } from './reconcile.js';
import { renderLogs } from './logs.js';
import { renderPatients } from './patients.js';
import { renderSettings } from './settings.js';

const ANY = Object.values(PRIVILEGES);

const routes = [
    { pattern: /^\/mappings\/?$/, nav: 'mappings', title: 'Mappings', needs: ANY, render: (root) => renderMappings(root) },
    { pattern: /^\/mappings\/new$/, nav: 'mappings', title: 'New mapping', needs: [PRIVILEGES.mappings], render: (root) => renderEditor(root, null) },
    { pattern: /^\/mappings\/([^/]+)$/, nav: 'mappings', title: 'Edit mapping', needs: [PRIVILEGES.mappings], render: (root, m) => renderEditor(root, decodeURIComponent(m[1])) },
    { pattern: /^\/sync\/?$/, nav: 'sync', title: 'Sync', needs: [PRIVILEGES.run], render: (root) => renderSync(root) },
    { pattern: /^\/reconcile\/?$/, nav: 'reconcile', title: 'Reconcile', needs: [PRIVILEGES.run], render: (root) => renderReconcile(root) },
    { pattern: /^\/logs\/?$/, nav: 'logs', title: 'Logs', needs: [PRIVILEGES.logs], render: (root) => renderLogs(root) },
    { pattern: /^\/patients\/?$/, nav: 'patients', title: 'Patients', needs: [PRIVILEGES.logs], render: (root) => renderPatients(root, null) },
    { pattern: /^\/patients\/([^/]+)$/, nav: 'patients', title: 'Patient', needs: [PRIVILEGES.logs], render: (root, m) => renderPatients(root, decodeURIComponent(m[1])) },
    { pattern: /^\/settings\/?$/, nav: 'settings', title: 'Settings', needs: [PRIVILEGES.settings], render: (root) => renderSettings(root) },
];
const NAV_NEEDS = { mappings: ANY, sync: [PRIVILEGES.run], reconcile: [PRIVILEGES.run], logs: [PRIVILEGES.logs], patients: [PRIVILEGES.logs], settings: [PRIVILEGES.settings] };

/** What a screen hands back to stop its timers when the user leaves it. */
let leaveScreen = null;
let sessionKnown = false;

async function route() {
    const path = (location.hash || '').replace(/^#/, '') || '/mappings';
    const found = routes.map((r) => ({ r, m: r.pattern.exec(path) })).find((x) => x.m);
    if (!found) {
        location.replace('#/mappings');
        return;
    }
    if (leaveScreen) {
        leaveScreen();
        leaveScreen = null;
    }
    document.querySelectorAll('nav a[data-route]').forEach((a) => {
        if (a.dataset.route === found.r.nav) {
            a.setAttribute('aria-current', 'page');
        } else {
            a.removeAttribute('aria-current');
        }
    });
    document.title = `${found.r.title} · DHIS2 Sync`;
    const main = document.getElementById('main');
    clear(main);
    const root = h('div', { class: 'screen', dataset: { screen: found.r.nav } });
    main.append(root);
    if (!sessionKnown) {
        root.append(h('h2', {}, found.r.title), message('info', 'Log in to Bahmni, then open this page again.'));
        return;
    }
    if (!canAny(...found.r.needs)) {
        root.append(h('h2', {}, found.r.title), message('warning', `This screen needs the privilege ${found.r.needs.map((p) => `“${p}”`).join(' or ')}: ask an administrator to give it to your role.`));
        return;
    }
    const flash = takeFlash();
    if (flash) {
        root.append(message(flash.kind, flash.text));
    }
    main.setAttribute('aria-busy', 'true');
    try {
        leaveScreen = (await found.r.render(root, found.m)) || null;
    } catch (e) {
        root.append(message('error', `This screen could not be shown: ${e.message}`));
    } finally {
        main.removeAttribute('aria-busy');
    }
    if (document.activeElement === document.body || !main.contains(document.activeElement)) {
        // move focus to the new content so keyboard and screen-reader users start there
        const heading = root.querySelector('h2');
        (heading || main).setAttribute('tabindex', '-1');
        (heading || main).focus({ preventScroll: false });
    }
}

/** The page-wide notice: each distinct message once, however many requests met it. */
const shown = new Set();

function showAuthProblem(kind, text) {
    const banner = document.getElementById('auth-problem');
    if (shown.has(text)) {
        return;
    }
    shown.add(text);
    const line = h('p', { dataset: { kind } }, text);
    if (kind === 'expired' || kind === 'anonymous') {
        line.append(' ', h('a', { href: '/bahmni/home' }, 'Go to the Bahmni login'));
    }
    banner.append(line);
    banner.hidden = false;
}

function clearAuthProblems() {
    const banner = document.getElementById('auth-problem');
    clear(banner);
    banner.hidden = true;
    shown.clear();
}

/** Shows in the navigation only the screens the user may use. */
function fitNavigation() {
    document.querySelectorAll('nav a[data-route]').forEach((a) => {
        const needs = NAV_NEEDS[a.dataset.route] || ANY;
        a.parentElement.hidden = !canAny(...needs);
    });
}

onAuthProblem(showAuthProblem);
window.addEventListener('hashchange', () => {
    clearAuthProblems();
    route();
});

(async () => {
    try {
        await loadSession();
        sessionKnown = true;
        fitNavigation();
    } catch (e) {
        if (!e.auth) {
            showAuthProblem('error', `The OpenMRS server could not tell who you are: ${e.message}`);
        }
    }
    route();
})();
