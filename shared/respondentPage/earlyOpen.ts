/** Where the respondent page's inline script leaves its request for the app to pick up. */
export const EARLY_OPEN_KEY = '__bagalauOpening';

/**
 * The respondent page's one inline script (put into `respond.html` by the build, vite.config.ts): it asks for
 * the questionnaire as soon as the HTML is read, while the page's scripts are still on their way, instead of
 * after they have arrived and run — on a slow link (400 ms a round trip) that is one round trip less before
 * the first statement can be answered. The token stays in the fragment and goes in the body, as the app would
 * send it. A network failure is left for the app, which then asks again (the catch only keeps the console
 * quiet until it does). The server's Content-Security-Policy allows exactly this text, by its hash (server/app.ts).
 */
export const EARLY_OPEN_SCRIPT =
  `(window.${EARLY_OPEN_KEY}=fetch("/api/respond/open",{method:"POST",headers:{"content-type":"application/json"},` +
  `body:JSON.stringify({token:location.hash.slice(1)}),credentials:"same-origin"})).catch(function(){})`;
