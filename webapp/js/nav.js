// Moving between screens, and a message carried to the next screen.

let flash = null;

/** A message shown once at the top of the next screen (e.g. "Mapping saved"). */
export function flashNext(kind, text) {
    flash = { kind, text };
}

/** The message left for this screen, once. */
export function takeFlash() {
    const taken = flash;
    flash = null;
    return taken;
}

export function navigate(hash) {
    if (location.hash === hash) {
        window.dispatchEvent(new HashChangeEvent('hashchange'));
    } else {
        location.hash = hash;
    }
}
