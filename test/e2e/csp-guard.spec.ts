import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './cspGuardedTest.ts';

/**
 * The guard every spec runs under (cspGuardedTest.ts) sees what the Content-Security-Policy refuses: an inline
 * style and an inline script put into the staff app and the respondent page are caught, both as the page's
 * securitypolicyviolation event and as Chromium's console message; one left uncollected fails its test.
 */
async function injectInlineStyleAndScript(page: Page) {
  await page.evaluate(() => {
    const styled = document.createElement('div');
    styled.innerHTML = '<span style="color: red">injected</span>';
    document.body.append(styled);
    const script = document.createElement('script');
    script.textContent = 'document.body.dataset.injected = "ran"';
    document.body.append(script);
  });
}

for (const [name, path] of [['the staff app', '/'], ['the respondent page', '/r']] as const) {
  test(`catches an inline style and an inline script injected into ${name}`, async ({ page, policyViolations }) => {
    await page.goto(path);
    await expect(page.locator('#root')).not.toBeEmpty();
    expect(policyViolations.seen).toEqual([]);

    await injectInlineStyleAndScript(page);

    await expect.poll(() => policyViolations.seen.join('\n')).toMatch(/securitypolicyviolation: style-src-attr/);
    await expect.poll(() => policyViolations.seen.join('\n')).toMatch(/securitypolicyviolation: script-src-elem inline/);
    await expect.poll(() => policyViolations.seen.join('\n')).toMatch(/(Refused to apply|Applying) inline style/);
    await expect.poll(() => policyViolations.seen.join('\n')).toMatch(/(Refused to execute|Executing) inline script/);
    // The policy did refuse them: the script did not run, the colour was not applied.
    expect(await page.evaluate(() => document.body.dataset.injected)).toBeUndefined();
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('body > div > span')!).color)).not.toBe('rgb(255, 0, 0)');
    policyViolations.take();
  });
}

test('catches a violation in a page of a context the test made itself', async ({ browser, policyViolations }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await injectInlineStyleAndScript(page);
  await expect.poll(() => policyViolations.seen.length).toBeGreaterThanOrEqual(4);
  policyViolations.take();
});

test('fails a test after which a violation is left', async ({ page, policyViolations }) => {
  // Expected to fail: the guard's check after the test is what fails it. Were the guard blind, this would pass
  // and Playwright would report the test as failed for passing.
  test.fail();
  await page.goto('/');
  await injectInlineStyleAndScript(page);
  await expect.poll(() => policyViolations.seen.length).toBeGreaterThan(0);
});

test('is what every spec runs under', () => {
  const specs = fs.readdirSync(new URL('.', import.meta.url)).filter((file) => file.endsWith('.spec.ts'));
  expect(specs.length).toBeGreaterThan(10);
  for (const spec of specs) {
    const source = fs.readFileSync(new URL(spec, import.meta.url), 'utf8');
    expect(source, spec).toMatch(/^import \{[^}]*\btest\b[^}]*\} from '\.\/cspGuardedTest\.ts';$/m);
    expect(source, spec).not.toMatch(/import \{[^}]*\btest\b[^}]*\} from '@playwright\/test'/);
  }
});
