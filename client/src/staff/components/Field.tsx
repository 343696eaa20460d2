import { Show, type JSX } from 'solid-js';

/** A labelled control with its hint and error, wired for screen readers. */
export function Field(props: { id: string; label: string; hint?: string; error?: string; children: JSX.Element }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
      <Show when={props.hint}>
        <p class="hint" id={`${props.id}-hint`}>{props.hint}</p>
      </Show>
      <Show when={props.error}>
        <p class="error" id={`${props.id}-error`} role="alert">{props.error}</p>
      </Show>
    </div>
  );
}

/** ARIA attributes for the control inside a Field. */
export function describedBy(id: string, error?: string, hint?: boolean) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, 'aria-invalid': Boolean(error), 'aria-describedby': ids || undefined };
}
