// The shell: a hash router over the screens, the navigation state, and the page-wide session / privilege notice.

import { onAuthProblem } from './api.js';
import { h, clear, message } from './dom.js';
import { takeFlash } from './nav.js';
import { renderMappings } from './mappings.js';
import { renderEditor } from './editor.js';
import { renderSync } from './sync.js';
import { renderLogs } from './logs.js';
import { renderSettings } from './settings.js';

const routes = [
    { pattern: /^\/mappings\/?$/, nav: 'mappings', title: 'Mappings', render: (root) => renderMappings(root) },
    { pattern: /^\/mappings\/new$/, nav: 'mappings', title: 'New mapping', render: (root) => renderEditor(root, null) },
    { pattern: /^\/mappings\/([^/]+)$/, nav: 'mappings', title: 'Edit mapping', render: (root, m) => renderEditor(root, decodeURIComponent(m[1])) },
    { pattern: /^\/sync\/?$/, nav: 'sync', title: 'Sync', render: (root) => renderSync(root) },
    { pattern: /^\/logs\/?$/, nav: 'logs', title: 'Logs', render: (root) => renderLogs(root) },
    { pattern: /^\/settings\/?$/, nav: 'settings', title: 'Settings', render: (root) => renderSettings(root) },
];

/** What a screen hands back to stop its timers when the user leaves it. */
let leaveScreen = null;

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

function showAuthProblem(kind, text) {
    const banner = document.getElementById('auth-problem');
    clear(banner);
    banner.append(text);
    if (kind === 'expired') {
        banner.append(' ', h('a', { href: '/bahmni/home' }, 'Go to the Bahmni login'));
    }
    banner.hidden = false;
}

onAuthProblem(showAuthProblem);
window.addEventListener('hashchange', () => {
    document.getElementById('auth-problem').hidden = true;
    route();
});
route();
