/**
 * How this product launches Debian's Chromium, wherever it does (report printing, the browser tests, the
 * bench): no sandbox (it runs as a service user or root in containers), no GPU, and none of the background
 * traffic — updates, sync, first-run pages — that a machine without internet would wait on.
 */
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
