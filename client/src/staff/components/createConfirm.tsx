import { createSignal, Show } from 'solid-js';
import { ConfirmDialog } from './ConfirmDialog.tsx';

interface Question {
  title: string;
  body: string;
  confirmLabel: string;
}

/**
 * `ask` opens the accessible confirmation dialog and resolves with the answer; `Dialog` is placed once in the
 * page. The browser's own confirm() is not used: it cannot be styled, translated or reached the same way.
 */
export function createConfirm() {
  const [pending, setPending] = createSignal<(Question & { answer: (yes: boolean) => void }) | null>(null);
  const ask = (question: Question) => new Promise<boolean>((answer) => setPending({ ...question, answer }));
  const settle = (yes: boolean) => {
    const current = pending();
    setPending(null);
    current?.answer(yes);
  };
  const Dialog = () => (
    <Show when={pending()}>
      {(q) => <ConfirmDialog title={q().title} body={q().body} confirmLabel={q().confirmLabel} onConfirm={() => settle(true)} onCancel={() => settle(false)} />}
    </Show>
  );
  return { ask, Dialog };
}
