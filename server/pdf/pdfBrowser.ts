import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { ApiError } from '../http/apiError.ts';
import { CHROMIUM_FLAGS } from './chromiumFlags.ts';

/**
 * The headless Chromium that prints reports: launched on the first PDF asked for, then kept and shared (a
 * fresh context per job keeps users apart); launched again if it died. Closed when the server stops.
 */
export class PdfBrowser {
  private launching: Promise<Browser> | null = null;

  constructor(private readonly executablePath: string) {}

  async newContext(options: BrowserContextOptions): Promise<BrowserContext> {
    const browser = await this.browser();
    return browser.newContext(options);
  }

  async close(): Promise<void> {
    const launching = this.launching;
    this.launching = null;
    const browser = await launching?.catch(() => null);
    await browser?.close();
  }

  private browser(): Promise<Browser> {
    if (this.launching) return this.launching;
    const launching: Promise<Browser> = chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_FLAGS, headless: true }).then(
      (browser) => {
        browser.on('disconnected', () => {
          if (this.launching === launching) this.launching = null;
        });
        return browser;
      },
      (error: Error) => {
        if (this.launching === launching) this.launching = null;
        console.error(`Chromium could not be launched from ${this.executablePath}: ${error.message.split('\n')[0]}`);
        throw new ApiError(503, 'pdf.unavailable', { path: this.executablePath });
      },
    );
    this.launching = launching;
    return launching;
  }
}
