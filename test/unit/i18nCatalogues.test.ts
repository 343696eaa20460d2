import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues, translate } from '../../shared/i18n/translate.ts';
import { en } from '../../shared/i18n/en.ts';

const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
/** A word that mixes Latin and Cyrillic letters: PDF-extraction noise, or a typo that looks right. */
const MIXED = /\p{L}*(?:\p{Script=Cyrillic}[A-Za-z]|[A-Za-z]\p{Script=Cyrillic})\p{L}*/gu;

describe('UI string catalogues', () => {
  it('have the same keys and placeholders in Kazakh, Russian and English', () => {
    for (const [locale, messages] of Object.entries(catalogues)) {
      expect(Object.keys(messages).sort(), locale).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(messages)) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
        expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(en[key as keyof typeof en]));
      }
    }
  });

  it('define every key once: no feature section silently overrides another', async () => {
    const dir = path.resolve('shared/i18n/sections');
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const module = (await import(path.join(dir, file))) as Record<string, { en: Record<string, string> }>;
      for (const section of Object.values(module)) {
        for (const key of Object.keys(section.en)) {
          if (owner.has(key)) clashes.push(`${key}: ${owner.get(key)} and ${file}`);
          owner.set(key, file);
        }
      }
    }
    expect(owner.size).toBeGreaterThan(50);
    expect(clashes).toEqual([]);
  });

  it('keep Latin letters out of Cyrillic words', () => {
    const offenders = ['kk', 'ru'].flatMap((locale) =>
      Object.entries(catalogues[locale as 'kk' | 'ru']).flatMap(([key, text]) => (text.match(MIXED) ?? []).map((w) => `${locale} ${key}: ${w}`)),
    );
    expect(offenders).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'respond.progress', { done: 3, total: 35 })).toBe('3 of 35 statements answered');
    expect(translate('en', 'respond.progress', { done: 3 })).toBe('3 of {total} statements answered');
  });
});
