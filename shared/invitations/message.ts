import { translate, type MessageKey } from '../i18n/translate.ts';
import type { Locale } from '../methodology/types.ts';
import { formatLongDate } from '../i18n/dates.ts';

/**
 * The e-mail a respondent gets: Kazakh first, then Russian, in one message, as plain text and simple HTML.
 * It names whom the questionnaire is about (or that it is the self-assessment) and the deadline, promises
 * anonymity, and carries the link; it says nothing about anyone's answers.
 */
export type MessageKind = 'invitation' | 'reminder';

export interface MessageFacts {
  kind: MessageKind;
  respondentName: string;
  evaluatedName: string;
  isSelf: boolean;
  campaignName: string;
  /** ISO date: the last day answers are accepted. */
  deadline: string;
  url: string;
}

export interface BuiltMessage {
  subject: string;
  text: string;
  html: string;
}

/** Kazakh first: the state language. */
export const MESSAGE_LOCALES = ['kk', 'ru'] as const satisfies readonly Locale[];

/** What the questionnaire is: the opening sentence of a message or a sheet. */
export function aboutKey(kind: MessageKind, isSelf: boolean): MessageKey {
  if (kind === 'invitation') return isSelf ? 'mail.invitationSelf' : 'mail.invitationOther';
  return isSelf ? 'mail.reminderSelf' : 'mail.reminderOther';
}

interface Part {
  greeting: string;
  about: string;
  linkLabel: string;
  deadline: string;
  notes: string[];
  signature: string;
}

function part(locale: Locale, f: MessageFacts): Part {
  const tr = (key: MessageKey, params?: Record<string, string>) => translate(locale, key, params);
  return {
    greeting: tr('mail.greeting', { name: f.respondentName }),
    about: tr(aboutKey(f.kind, f.isSelf), { campaign: f.campaignName, name: f.evaluatedName }),
    linkLabel: tr('mail.link'),
    deadline: tr('mail.deadline', { date: formatLongDate(locale, f.deadline) }),
    notes: [...(f.kind === 'reminder' ? [tr('mail.newLink')] : []), tr('respond.anonymity'), tr('mail.personal')],
    signature: tr('mail.signature'),
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function partText(p: Part, url: string): string {
  return [p.greeting, '', p.about, '', p.linkLabel, url, '', p.deadline, '', ...p.notes.flatMap((n) => [n, '']), p.signature].join('\n');
}

function partHtml(p: Part, url: string, locale: Locale): string {
  const link = escapeHtml(url);
  return [
    `<div lang="${locale}">`,
    `<p>${escapeHtml(p.greeting)}</p>`,
    `<p>${escapeHtml(p.about)}</p>`,
    `<p>${escapeHtml(p.linkLabel)}<br><a href="${link}">${link}</a></p>`,
    `<p><strong>${escapeHtml(p.deadline)}</strong></p>`,
    ...p.notes.map((n) => `<p>${escapeHtml(n)}</p>`),
    `<p>${escapeHtml(p.signature)}</p>`,
    '</div>',
  ].join('\n');
}

export function buildMessage(facts: MessageFacts): BuiltMessage {
  const subjectKey: MessageKey = facts.kind === 'invitation' ? 'mail.subjectInvitation' : 'mail.subjectReminder';
  const parts = MESSAGE_LOCALES.map((locale) => ({ locale, part: part(locale, facts) }));
  return {
    subject: MESSAGE_LOCALES.map((locale) => translate(locale, subjectKey)).join(' / '),
    text: parts.map(({ part: p }) => partText(p, facts.url)).join('\n\n— — —\n\n'),
    html: `<!doctype html>\n<html><body>\n${parts.map(({ locale, part: p }) => partHtml(p, facts.url, locale)).join('\n<hr>\n')}\n</body></html>\n`,
  };
}
