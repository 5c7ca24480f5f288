export const SIDEBAR_WIDTH = 360;
export const COLLAPSED_WIDTH = 36;

/**
 * Shadow-root CSS for the host element: fixed to the right edge, above the help desk's own UI.
 * Every rule is !important inside the shadow root: by the cascade's shadow-context rule that
 * beats any !important rule the help-desk page writes for our element, and `all: initial` first
 * drops whatever else the page sets on it or lets it inherit. Collapsing only flips the host's
 * data-collapsed attribute. data-hidden: loading before the page says whether it shows a ticket
 * (transparent rather than display:none, which Chrome would throttle the frame for).
 */
export const SIDEBAR_HOST_CSS = `
:host {
  all: initial !important;
  position: fixed !important; top: 0 !important; right: 0 !important; left: auto !important; bottom: auto !important;
  display: block !important; width: ${SIDEBAR_WIDTH}px !important; height: 100vh !important;
  z-index: 2147483646 !important; overflow: hidden !important; background: transparent !important;
  box-shadow: -2px 0 8px rgba(0,0,0,.18) !important; border-radius: 0 !important;
  visibility: visible !important; opacity: 1 !important; transform: none !important;
}
:host([data-collapsed]) {
  width: ${COLLAPSED_WIDTH}px !important; height: 140px !important; top: 30vh !important;
  border-radius: 6px 0 0 6px !important;
}
:host([data-hidden]) { opacity: 0 !important; pointer-events: none !important; }
iframe { position: absolute; inset: 0; border: 0; width: 100%; height: 100%; display: block; color-scheme: normal; }
`;
