import { describedBy, Field } from './Field.tsx';

/** The six-digit code of an authenticator app: a numeric keypad on phones, and the code offered by the system where it can. */
export function CodeField(props: { id: string; label: string; hint?: string; error?: string; value: string; onInput: (value: string) => void }) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error}>
      <input
        {...describedBy(props.id, props.error, Boolean(props.hint))}
        inputmode="numeric"
        autocomplete="one-time-code"
        pattern="[0-9 ]*"
        maxlength="7"
        class="field-narrow"
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </Field>
  );
}
