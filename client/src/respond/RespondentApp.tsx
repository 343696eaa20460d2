import { createMemo, createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Form360, ScaleLevel } from '../../../shared/methodology/types.ts';
import { EARLY_OPEN_KEY } from '../../../shared/respondentPage/earlyOpen.ts';
import { ApiFailure, answerOf, api } from '../common/apiRequest.ts';
import { formatDate, l } from '../common/locale.ts';
import { errorText, t } from '../common/respondentText.ts';
import { LanguageSwitch } from '../common/LanguageSwitch.tsx';
import { clearDraft, loadDraft, saveDraft } from './draftStore.ts';

interface Questionnaire {
  isSelf: boolean;
  evaluated: { fullName: string; position: string };
  campaign: { name: string; year: number; deadline: string };
  form: Form360;
  scale: ScaleLevel[];
}

type View = { kind: 'loading' } | { kind: 'refused'; error: unknown } | { kind: 'form'; q: Questionnaire } | { kind: 'done' };

/**
 * The questionnaire: from the request the page's inline script has already sent (shared/respondentPage/earlyOpen.ts),
 * once; asked again when that one met a network failure — it left before the page had loaded.
 */
async function openQuestionnaire(token: string): Promise<Questionnaire> {
  const ask = () => api<Questionnaire>('POST', '/respond/open', { token });
  const page = window as unknown as Record<string, Promise<Response> | undefined>;
  const early = page[EARLY_OPEN_KEY];
  delete page[EARLY_OPEN_KEY];
  if (!early) return ask();
  try {
    return await answerOf<Questionnaire>(early);
  } catch (error) {
    if (error instanceof ApiFailure && error.code === 'network') return ask();
    throw error;
  }
}

export function RespondentApp(props: { token: string }) {
  const [view, setView] = createSignal<View>({ kind: 'loading' });

  onMount(async () => {
    try {
      const q = await openQuestionnaire(props.token);
      setView({ kind: 'form', q });
    } catch (error) {
      // A malformed token is, for the respondent, simply an invalid link.
      const refused = error instanceof ApiFailure && error.code === 'validation' ? new ApiFailure(404, 'link.unknown', '') : error;
      setView({ kind: 'refused', error: refused });
    }
  });

  return (
    <>
      <header class="respond-header">
        <span class="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" class="respond-main">
        <Switch>
          <Match when={view().kind === 'loading'}>
            <p role="status">{t('respond.loading')}</p>
          </Match>
          <Match when={view().kind === 'refused' && (view() as { error: unknown })}>
            {(v) => (
              <section class="card" role="alert">
                <h1>{t('respond.title')}</h1>
                <p>{errorText(v().error)}</p>
              </section>
            )}
          </Match>
          <Match when={view().kind === 'done'}>
            <section class="card" role="status">
              <h1>{t('respond.thanksTitle')}</h1>
              <p>{t('respond.thanksBody')}</p>
            </section>
          </Match>
          <Match when={view().kind === 'form' && (view() as { q: Questionnaire }).q}>
            {(q) => <QuestionnaireForm token={props.token} q={q()} onDone={() => setView({ kind: 'done' })} />}
          </Match>
        </Switch>
      </main>
    </>
  );
}

function QuestionnaireForm(props: { token: string; q: Questionnaire; onDone: () => void }) {
  const statements = props.q.form.competencies.flatMap((c) => c.statements.map((s) => s.id));
  const known = new Set(statements);
  const draft = Object.fromEntries(Object.entries(loadDraft(props.token)).filter(([id]) => known.has(id)));
  const [answers, setAnswers] = createStore<Record<string, number>>(draft);
  const [showGaps, setShowGaps] = createSignal(false);
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);

  const answeredCount = createMemo(() => statements.filter((id) => answers[id] !== undefined).length);
  const missing = createMemo(() => statements.filter((id) => answers[id] === undefined));

  const choose = (statementId: string, value: number) => {
    setAnswers(statementId, value);
    saveDraft(props.token, { ...answers });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    if (missing().length > 0) {
      setShowGaps(true);
      const first = document.getElementById(`st-${missing()[0]}`);
      first?.scrollIntoView({ block: 'center' });
      first?.querySelector('input')?.focus({ preventScroll: true });
      return;
    }
    setSending(true);
    try {
      await api('POST', '/respond/submit', { token: props.token, answers: { ...answers } });
      clearDraft(props.token);
      props.onDone();
    } catch (error) {
      setFailure(error);
      if (error instanceof ApiFailure && ['link.used', 'link.closed', 'link.unknown'].includes(error.code)) clearDraft(props.token);
    } finally {
      setSending(false);
    }
  };

  let number = 0;
  return (
    <form onSubmit={submit} novalidate aria-describedby="intro">
      <h1>{l(props.q.form.title)}</h1>
      <p class="subject">
        <Show when={props.q.isSelf} fallback={<strong>{t('respond.aboutOther', { name: props.q.evaluated.fullName })}</strong>}>
          <strong>{t('respond.aboutSelf')}</strong>
        </Show>
        <br />
        <span class="muted">
          {props.q.campaign.name} · {t('respond.deadline', { date: formatDate(props.q.campaign.deadline) })}
        </span>
      </p>
      <section id="intro" class="card intro">
        <For each={props.q.form.intro}>{(paragraph, i) => (i() === 0 ? <p><strong>{l(paragraph)}</strong></p> : <p>{l(paragraph)}</p>)}</For>
        <p class="anonymity">{t('respond.anonymity')}</p>
      </section>

      <div class="progress-bar" aria-live="polite">
        <progress max={statements.length} value={answeredCount()} aria-label={t('respond.progress', { done: answeredCount(), total: statements.length })} />
        <span>{t('respond.progress', { done: answeredCount(), total: statements.length })}</span>
      </div>

      <For each={props.q.form.competencies}>
        {(competency, ci) => (
          <section class="competency" aria-labelledby={`c-${competency.id}`}>
            <h2 id={`c-${competency.id}`}>
              <span class="muted small">{t('respond.competency', { n: ci() + 1, total: props.q.form.competencies.length })}</span>
              <br />
              {l(competency.name)}
            </h2>
            <For each={competency.statements}>
              {(statement) => {
                number += 1;
                const n = number;
                const gap = () => showGaps() && answers[statement.id] === undefined;
                return (
                  <fieldset id={`st-${statement.id}`} class="statement" classList={{ gap: gap() }} aria-invalid={gap()} aria-describedby={gap() ? `gap-${statement.id}` : undefined}>
                    <legend>
                      <span class="statement-no">{n}.</span> {l(statement.text)}
                    </legend>
                    <Show when={gap()}>
                      <p id={`gap-${statement.id}`} class="error-text">{t('respond.unansweredOne')}</p>
                    </Show>
                    <div class="scale">
                      <For each={props.q.scale}>
                        {(level) => (
                          <label class="level" classList={{ chosen: answers[statement.id] === level.value }}>
                            <input
                              type="radio"
                              name={statement.id}
                              value={level.value}
                              checked={answers[statement.id] === level.value}
                              onChange={() => choose(statement.id, level.value)}
                            />
                            <span class="level-value">{level.value}</span>
                            <span class="level-label">{l(level.label)}</span>
                          </label>
                        )}
                      </For>
                    </div>
                  </fieldset>
                );
              }}
            </For>
          </section>
        )}
      </For>

      <div class="submit-area">
        <Show when={showGaps() && missing().length > 0}>
          <p class="alert" role="alert">{t('respond.unanswered', { count: missing().length })}</p>
        </Show>
        <Show when={failure()}>
          <p class="alert" role="alert">
            {failure() instanceof ApiFailure && (failure() as ApiFailure).code === 'network' ? t('respond.networkError') : errorText(failure())}
          </p>
        </Show>
        <p class="muted small">{t('respond.draftKept')}</p>
        <button type="submit" disabled={sending()}>{sending() ? t('respond.submitting') : t('respond.submit')}</button>
      </div>
    </form>
  );
}
