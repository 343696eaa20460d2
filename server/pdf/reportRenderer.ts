import type { Page } from 'playwright-core';
import type { DB } from '../../db/connect.ts';
import { deleteSession, insertSession } from '../../db/repositories/accounts.ts';
import type { Locale } from '../../shared/methodology/types.ts';
import { ApiError } from '../http/apiError.ts';
import { SESSION_COOKIE } from '../http/session.ts';
import { hashToken, newToken } from '../security/tokens.ts';
import type { PdfBrowser } from './pdfBrowser.ts';

/** A render that draws nothing new for this long has failed (a report is drawn in well under a second). */
const STALL_MS = 30_000;
const POLL_MS = 50;
/** Longer than any batch takes; the rendering session is deleted as soon as its batch ends anyway. */
const SESSION_MS = 2 * 3600_000;

/** The server's own address as seen from this machine: a wildcard listener answers on the loopback. */
export function loopbackOrigin(host: string, port: number): string {
  const name = ['', '0.0.0.0', '::', 'localhost'].includes(host) ? '127.0.0.1' : host;
  return `http://${name.includes(':') ? `[${name}]` : name}:${port}`;
}

/**
 * Prints reports by opening the product's own report page in Chromium, as the requesting user: a session
 * of theirs is minted for the render (so the page, and the audit log, see exactly their rights) and deleted
 * afterwards. A report is printed once its page marks it drawn (`data-report-ready="true"`).
 */
export class ReportRenderer {
  constructor(
    private readonly db: DB,
    private readonly browser: PdfBrowser,
    private readonly origin: string,
  ) {}

  /** One report as an A4 PDF. */
  one(userId: string, evaluationId: string, locale: Locale): Promise<Uint8Array> {
    return this.asUser(userId, locale, (page) => this.print(page, `/reports/${encodeURIComponent(evaluationId)}`, 1));
  }

  /** Several reports in one PDF, each starting on a new page; `onProgress` hears how many are drawn. */
  combined(userId: string, evaluationIds: readonly string[], locale: Locale, onProgress: (drawn: number) => void): Promise<Uint8Array> {
    // The ids travel in the fragment: it never reaches the server, so no request line grows with the batch.
    const path = `/reports/print#${evaluationIds.map(encodeURIComponent).join(',')}`;
    return this.asUser(userId, locale, (page) => this.print(page, path, evaluationIds.length, onProgress));
  }

  /** One PDF per report, in order, each handed to `onEach` as soon as it is printed. */
  each(userId: string, evaluationIds: readonly string[], locale: Locale, onEach: (index: number, pdf: Uint8Array) => void): Promise<void> {
    return this.asUser(userId, locale, async (page) => {
      for (const [index, id] of evaluationIds.entries()) onEach(index, await this.print(page, `/reports/${encodeURIComponent(id)}`, 1));
    });
  }

  private async asUser<T>(userId: string, locale: Locale, work: (page: Page) => Promise<T>): Promise<T> {
    const token = newToken();
    const context = await this.browser.newContext({
      locale,
      // The width of A4 inside the report's 15 mm margins (at 96 px per inch), drawn at twice the density:
      // the chart's canvas, printed as an image, stays sharp on paper.
      viewport: { width: 680, height: 1000 },
      deviceScaleFactor: 2,
    });
    await insertSession(this.db, hashToken(token), userId, new Date(Date.now() + SESSION_MS).toISOString());
    try {
      await context.addCookies([{ name: SESSION_COOKIE, value: token, url: this.origin, httpOnly: true, sameSite: 'Strict' }]);
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      return await work(page);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError(503, 'pdf.renderFailed', { reason: (error as Error).message.split('\n')[0]! });
    } finally {
      await context.close();
      await deleteSession(this.db, hashToken(token));
    }
  }

  private async print(page: Page, path: string, count: number, onProgress: (drawn: number) => void = () => {}): Promise<Uint8Array> {
    await page.goto(`${this.origin}${path}`, { waitUntil: 'domcontentloaded' });
    let drawn = 0;
    while (drawn < count) {
      // Wakes as soon as another report is drawn or the page shows a refusal.
      const state = await page
        .waitForFunction(
          (seen) => {
            const failure = document.querySelector('[role="alert"]')?.textContent ?? (location.pathname === '/login' ? 'signed out' : null);
            const ready = document.querySelectorAll('[data-report-ready="true"]').length;
            return failure !== null || ready > seen ? { ready, failure } : null;
          },
          drawn,
          { polling: POLL_MS, timeout: STALL_MS },
        )
        .then((handle) => handle.jsonValue(), () => null);
      if (!state) throw new ApiError(503, 'pdf.renderFailed', { reason: `${drawn} of ${count} reports drawn` });
      if (state.failure) throw new ApiError(503, 'pdf.renderFailed', { reason: state.failure });
      drawn = Math.min(state.ready, count);
      onProgress(drawn);
    }
    return page.pdf({ format: 'A4', printBackground: true });
  }
}
