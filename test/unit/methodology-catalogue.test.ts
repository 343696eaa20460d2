import { describe, expect, it } from 'vitest';
import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import { COMPETENCY_IDS, EMPLOYEE_COMPETENCY_IDS, competencyNames } from '../../shared/methodology/almaty2023/competencies.ts';
import { LOCALES, type Localized } from '../../shared/methodology/types.ts';

const { head, employee } = almaty2023.forms;

/** Every Localized text of the methodology, with a path that says where it sits. */
function allTexts(): { path: string; text: Localized }[] {
  const out: { path: string; text: Localized }[] = [{ path: 'title', text: almaty2023.title }, { path: 'reportNote', text: almaty2023.reportNote }];
  almaty2023.scale.forEach((l) => out.push({ path: `scale.${l.value}`, text: l.label }));
  for (const id of COMPETENCY_IDS) out.push({ path: `competencyNames.${id}`, text: competencyNames[id] });
  for (const form of [head, employee]) {
    out.push({ path: `${form.key}.title`, text: form.title }, { path: `${form.key}.reportTitle`, text: form.reportTitle });
    form.intro.forEach((p, i) => out.push({ path: `${form.key}.intro.${i}`, text: p }));
    for (const c of form.competencies) {
      out.push({ path: `${form.key}.${c.id}.name`, text: c.name });
      for (const s of c.statements) out.push({ path: s.id, text: s.text });
    }
  }
  return out;
}

const statementCount = (form: typeof head) => form.competencies.reduce((n, c) => n + c.statements.length, 0);

describe('Almaty 2023 methodology catalogue (seed 002, Annexes 5–8)', () => {
  it('has 12 competencies and 35 statements for heads (Annex 5)', () => {
    expect(head.key).toBe('head');
    expect([head.questionnaireAnnex, head.reportAnnex]).toEqual([5, 7]);
    expect(head.competencies.map((c) => c.id)).toEqual([...COMPETENCY_IDS]);
    expect(statementCount(head)).toBe(35);
  });

  it('has 8 competencies and 24 statements for employees (Annex 6), exactly those of §35 in order', () => {
    expect(employee.key).toBe('employee');
    expect([employee.questionnaireAnnex, employee.reportAnnex]).toEqual([6, 8]);
    expect(employee.competencies.map((c) => c.id)).toEqual([
      'effective_communications',
      'ethics',
      'change_management',
      'result_orientation',
      'independence_decisions',
      'cooperation',
      'promptness',
      'self_development',
    ]);
    expect(employee.competencies.map((c) => c.id)).toEqual([...EMPLOYEE_COMPETENCY_IDS]);
    expect(statementCount(employee)).toBe(24);
  });

  it('gives each competency two or three statements, numbered <form>.<competency>.<n> from 1', () => {
    for (const form of [head, employee]) {
      for (const c of form.competencies) {
        expect(c.statements.length, `${form.key}.${c.id}`).toBeGreaterThanOrEqual(2);
        expect(c.statements.length, `${form.key}.${c.id}`).toBeLessThanOrEqual(3);
        expect(c.statements.map((s) => s.id)).toEqual(c.statements.map((_, i) => `${form.key}.${c.id}.${i + 1}`));
        expect(c.name).toEqual(competencyNames[c.id as keyof typeof competencyNames]);
      }
    }
  });

  it('has a five-level scale valued 1..5', () => {
    expect(almaty2023.scale.map((l) => l.value)).toEqual([1, 2, 3, 4, 5]);
    expect(almaty2023.scale.every((l) => l.label.kk.startsWith('құзырет ') && l.label.ru.startsWith('компетенция '))).toBe(true);
  });

  it('keeps every id unique within a form', () => {
    for (const form of [head, employee]) {
      const competencyIds = form.competencies.map((c) => c.id);
      expect(new Set(competencyIds).size, `${form.key} competency ids`).toBe(competencyIds.length);
      const statementIds = form.competencies.flatMap((c) => c.statements.map((s) => s.id));
      expect(new Set(statementIds).size, `${form.key} statement ids`).toBe(statementIds.length);
    }
  });

  it('names the competencies in Russian exactly as the Russian text of the methodology does', () => {
    expect(COMPETENCY_IDS.map((id) => competencyNames[id].ru)).toEqual([
      'Управление деятельностью',
      'Построение эффективных коммуникаций',
      'Следование этическим нормам и принципам',
      'Управление изменениями',
      'Ориентация на результат',
      'Самостоятельность и навыки принятия решений',
      'Управление командой',
      'Лидерские качества',
      'Сотрудничество',
      'Оперативность',
      'Саморазвитие',
      'Инициативность',
    ]);
  });

  it('fills every text in kk, ru and en, trimmed and without double spaces', () => {
    const bad: string[] = [];
    for (const { path, text } of allTexts()) {
      for (const locale of LOCALES) {
        const s = text[locale];
        if (typeof s !== 'string' || s.length === 0) bad.push(`${path} [${locale}] is empty`);
        else if (s !== s.trim()) bad.push(`${path} [${locale}] has leading/trailing space`);
        else if (/\s{2,}/.test(s)) bad.push(`${path} [${locale}] has a double space`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has no word mixing Latin and Cyrillic letters in Kazakh or Russian (PDF extraction noise)', () => {
    const mixed: string[] = [];
    for (const { path, text } of allTexts()) {
      for (const locale of ['kk', 'ru'] as const) {
        for (const word of text[locale].split(/[^\p{L}\p{M}]+/u)) {
          if (/[A-Za-z]/.test(word) && /\p{Script=Cyrillic}/u.test(word)) mixed.push(`${path} [${locale}]: ${word}`);
        }
      }
    }
    expect(mixed, `words mixing Latin and Cyrillic: ${mixed.join(', ')}`).toEqual([]);
  });

  it('has no Latin (or any other non-Cyrillic) letters at all in Kazakh or Russian texts', () => {
    const foreign: string[] = [];
    for (const { path, text } of allTexts()) {
      for (const locale of ['kk', 'ru'] as const) {
        // The seed's noise also includes stray Arabic letters (e.g. «үмتىлышты»), hence any non-Cyrillic letter.
        const words = text[locale].split(/\s+/).filter((w) => /\p{Script=Latin}/u.test(w) || /(?!\p{Script=Cyrillic})\p{L}/u.test(w));
        if (words.length > 0) foreign.push(`${path} [${locale}]: ${words.join(' ')}`);
      }
    }
    expect(foreign, `non-Cyrillic letters in: ${foreign.join('; ')}`).toEqual([]);
  });

  it('writes statements as single sentences without a trailing period, as the source does', () => {
    for (const form of [head, employee]) {
      for (const c of form.competencies) {
        for (const s of c.statements) {
          for (const locale of LOCALES) expect(s.text[locale], `${s.id} [${locale}]`).not.toMatch(/[.!?]$/);
        }
      }
    }
  });

  it('carries the §34–36 rules and the head categories of §2.4', () => {
    expect(almaty2023.id).toBe('almaty-2023');
    expect(almaty2023.headCategories).toEqual(['D-3', 'D-O-1', 'E-1', 'E-2']);
    expect(almaty2023.rules).toEqual({ minRespondents: 3, maxRespondents: 7, minResponsesForReport: 3, weakestCount: 2, strongestCount: 2, selfGapThreshold: 1, agreementBands: { highMaxSd: 0.5, moderateMaxSd: 1 }, deadlineDayOfNextMonth: 10, resultsWithinWorkingDays: 2, retentionYears: 3 });
    expect(head.intro[0]!.kk).toBe('Құрметті респондент!');
    expect(head.intro.some((p) => p.kk.includes('Жасырындылыққа кепілдік беріледі.'))).toBe(true);
    expect(employee.intro.some((p) => p.kk.includes('Жасырындылыққа кепілдік беріледі.'))).toBe(true);
  });
});
