export const SIDEBAR_WIDTH = 360;
export const COLLAPSED_WIDTH = 36;

/**
 * Shadow-root CSS for the host element: fixed to the right edge, above the help desk's own UI.
 * Every rule is !important (added to each declaration, to keep the content script small) inside the shadow root: by the cascade's shadow-context rule that
 * beats any !important rule the help-desk page writes for our element, and `all: initial` first
 * drops whatever else the page sets on it or lets it inherit. Collapsing only flips the host's
 * data-collapsed attribute. data-hidden: loading before the page says whether it shows a ticket
 * (transparent rather than display:none, which Chrome would throttle the frame for).
 */
export const SIDEBAR_HOST_CSS = `
:host {
  all: initial; position: fixed; top: 0; right: 0; left: auto; bottom: auto;
  display: block; width: ${SIDEBAR_WIDTH}px; height: 100vh;
  z-index: 2147483646; overflow: hidden; background: transparent;
  box-shadow: -2px 0 8px rgba(0,0,0,.18); border-radius: 0;
  visibility: visible; opacity: 1; transform: none;
}
:host([data-collapsed]) {
  width: ${COLLAPSED_WIDTH}px; height: 140px; top: 30vh; border-radius: 6px 0 0 6px;
}
:host([data-hidden]) { opacity: 0; pointer-events: none; }
iframe { position: absolute; inset: 0; border: 0; width: 100%; height: 100%; display: block; color-scheme: normal; }
`.replace(/;/g, ' !important;');
