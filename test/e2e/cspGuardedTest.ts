import { expect, test as base, type BrowserContext } from '@playwright/test';

export { expect };

/** How the init script below logs a page's securitypolicyviolation event, to tell it from other messages. */
const EVENT_PREFIX = 'securitypolicyviolation:';

/**
 * Chromium's own console message for what the policy blocked: "Refused to apply inline style because it
 * violates the following Content Security Policy directive…" in older versions, "Applying inline style
 * violates the following Content Security Policy directive…" in newer ones.
 */
const REFUSAL = /^Refused to |violates the following Content Security Policy directive/;

/**
 * What the Content-Security-Policy refused in the pages of the contexts it watches: each page's
 * securitypolicyviolation events, which an init script logs, and Chromium's "Refused to…" console messages
 * (the two usually report the same violation, each seen apart if the other fails to).
 */
export class PolicyViolations {
  readonly #seen: string[] = [];
  readonly #contexts = new Set<BrowserContext>();

  get seen(): readonly string[] {
    return this.#seen;
  }

  async watch(context: BrowserContext): Promise<void> {
    if (this.#contexts.has(context)) return;
    this.#contexts.add(context);
    context.on('console', (message) => {
      const text = message.text();
      if (text.startsWith(EVENT_PREFIX) || REFUSAL.test(text)) this.#seen.push(`${message.location().url.split('#')[0]}: ${text}`);
    });
    // Pages' addresses are written down without their fragment, which on the respondent page is the link's token.
    await context.addInitScript((prefix) => {
      document.addEventListener(
        'securitypolicyviolation',
        (event) => console.error(`${prefix} ${event.effectiveDirective} ${event.blockedURI} «${event.sample}» from ${event.sourceFile}:${event.lineNumber} in ${location.pathname}`),
        true,
      );
    }, EVENT_PREFIX);
  }

  /** Hands over what was refused so far and forgets it: for a test that causes violations on purpose. */
  take(): string[] {
    return this.#seen.splice(0);
  }

  /** Closes every watched context, so that each page's last messages have arrived before they are judged. */
  async settle(): Promise<void> {
    await Promise.all([...this.#contexts].map((context) => context.close()));
  }
}

/**
 * Playwright's `test`, failing every test after which any page it opened — in the `page` fixture's context or
 * one it made with `browser.newContext()`/`newPage()` — had something refused by the Content-Security-Policy.
 * Every spec imports `test` from here (test/e2e/csp-guard.spec.ts checks that they do).
 */
export const test = base.extend<{ policyViolations: PolicyViolations }>({
  policyViolations: [
    async ({ browser }, use) => {
      const violations = new PolicyViolations();
      const newContext = browser.newContext;
      browser.newContext = async (options) => {
        const context = await newContext.call(browser, options);
        await violations.watch(context);
        return context;
      };
      try {
        await use(violations);
      } finally {
        browser.newContext = newContext;
      }
      await violations.settle();
      expect(violations.seen, 'refused by the Content-Security-Policy').toEqual([]);
    },
    { auto: true },
  ],
  context: async ({ context, policyViolations }, use) => {
    await policyViolations.watch(context);
    await use(context);
  },
});
