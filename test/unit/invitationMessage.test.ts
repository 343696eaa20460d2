import { describe, expect, it } from 'vitest';
import { buildMessage, type MessageFacts } from '../../shared/invitations/message.ts';

const facts: MessageFacts = {
  kind: 'invitation',
  respondentName: 'Омарова Динара',
  evaluatedName: 'Сейітов Арман Болатұлы',
  isSelf: false,
  campaignName: '360 бағалау 2025',
  deadline: '2026-01-10',
  url: 'http://b360.test/r#AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde',
};

describe('invitation and reminder messages', () => {
  it('carry Kazakh first, then Russian: subject, link, deadline and the anonymity promise', () => {
    const m = buildMessage(facts);
    expect(m.subject).toBe('360 бағалау: сауалнамаға шақыру / Оценка 360: приглашение заполнить анкету');
    for (const body of [m.text, m.html]) {
      const kk = body.indexOf('Жасырындылыққа кепілдік беріледі');
      const ru = body.indexOf('Анонимность гарантируется');
      expect(kk).toBeGreaterThan(-1);
      expect(ru).toBeGreaterThan(kk);
      expect(body).toContain('Құрметті Омарова Динара!');
      expect(body).toContain('Здравствуйте, Омарова Динара!');
      expect(body).toContain('Сейітов Арман Болатұлы туралы сауалнаманы');
      expect(body).toContain('об оцениваемом лице: Сейітов Арман Болатұлы');
      expect(body).toContain('Жауап беру мерзімі: 2026 жылғы 10 қаңтар (осы күнді қоса алғанда).');
      expect(body).toContain('Срок ответа: 10 января 2026 г. включительно.');
      expect(body).not.toContain('самооценк');
    }
    // The link, whole, twice in the text (once per language) and as the target of both HTML links.
    expect(m.text.split(facts.url)).toHaveLength(3);
    expect(m.html).toContain(`<a href="${facts.url}">${facts.url}</a>`);
    expect(m.html.indexOf('lang="kk"')).toBeLessThan(m.html.indexOf('lang="ru"'));
    expect(m.text).not.toContain('бұрын жіберілген сілтеме');
  });

  it('says when the questionnaire is the self-assessment', () => {
    const m = buildMessage({ ...facts, isSelf: true, evaluatedName: facts.respondentName });
    expect(m.text).toContain('өзін-өзі бағалау сауалнамасын');
    expect(m.text).toContain('заполнить самооценку — анкету о себе');
    expect(m.text).not.toContain('оцениваемом лице');
  });

  it('makes reminders say the earlier link still works, and nothing about answers', () => {
    const m = buildMessage({ ...facts, kind: 'reminder' });
    expect(m.subject).toBe('360 бағалау: еске салу / Оценка 360: напоминание');
    expect(m.text).toContain('Бұрын жіберілген сілтеме де жұмыс істейді');
    expect(m.text).toContain('Присланная ранее ссылка тоже действует');
    expect(m.text).not.toMatch(/больше не действует|жұмыс істемейді/);
    expect(m.text).toContain(facts.url);
    expect(m.text).not.toMatch(/ответил|ответов|жауап берді/);
  });

  it('escapes names in the HTML part', () => {
    const m = buildMessage({ ...facts, evaluatedName: 'A <script>alert(1)</script> & B' });
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('A &#60;script&#62;alert(1)&#60;/script&#62; &#38; B');
    expect(m.text).toContain('A <script>alert(1)</script> & B');
  });
});
