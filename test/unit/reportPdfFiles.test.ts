import { describe, expect, it } from 'vitest';
import { batchFileName, distinctNames, reportFileName } from '../../shared/reports/pdfFileNames.ts';
import { requestLocale } from '../../server/http/fileResponse.ts';
import { loopbackOrigin } from '../../server/pdf/reportRenderer.ts';

describe('names of report files', () => {
  it('carry the person’s name and the year, without characters file systems refuse', () => {
    expect(reportFileName('Қызметкер 1', 2025)).toBe('Қызметкер 1 — 2025.pdf');
    expect(reportFileName(' А/Б: "В"?  Г ', 2025)).toBe('А Б В Г — 2025.pdf');
    expect(reportFileName('..', 2025)).toBe('report — 2025.pdf');
  });

  it('name a batch after the campaign, its year once, and the unit when there is one', () => {
    expect(batchFileName('360 бағалау 2025', 2025, null, 'zip')).toBe('360 бағалау 2025.zip');
    expect(batchFileName('Жыл сайынғы бағалау', 2025, 'Қаржы бөлімі', 'pdf')).toBe('Жыл сайынғы бағалау 2025 — Қаржы бөлімі.pdf');
  });

  it('keep two people of the same name apart in one ZIP, whatever the case', () => {
    expect(distinctNames(['А — 2025.pdf', 'Б — 2025.pdf', 'А — 2025.pdf', 'а — 2025.pdf'])).toEqual(['А — 2025.pdf', 'Б — 2025.pdf', 'А — 2025 (2).pdf', 'а — 2025 (3).pdf']);
  });
});

describe('printing as the server', () => {
  it('prints in the language asked for, else the first the reader’s browser names that the product speaks', () => {
    expect(requestLocale('ru', 'en-GB')).toBe('ru');
    expect(requestLocale(undefined, 'de-DE,ru;q=0.8,en;q=0.5')).toBe('ru');
    expect(requestLocale(undefined, undefined)).toBe('kk');
  });

  it('reaches its own pages on the loopback when it listens on every interface', () => {
    expect(loopbackOrigin('0.0.0.0', 8080)).toBe('http://127.0.0.1:8080');
    expect(loopbackOrigin('::', 8080)).toBe('http://127.0.0.1:8080');
    expect(loopbackOrigin('10.0.0.5', 80)).toBe('http://10.0.0.5:80');
    expect(loopbackOrigin('::1', 8080)).toBe('http://[::1]:8080');
  });
});
