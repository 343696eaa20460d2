import { createSignal, Show } from 'solid-js';
import { passwordChangeBody } from '../../../../shared/schemas/ownAccount.ts';
import { api, ApiFailure, errorText, fieldErrors, zodIssues } from '../../common/api.ts';
import { t } from '../../common/i18n.ts';
import { describedBy, Field } from './Field.tsx';

const FIELDS = ['currentPassword', 'newPassword', 'repeat'] as const;

/** The signed-in account changes its own password; its other sessions end, this one stays. */
export function PasswordChangeForm(props: { login: string }) {
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const [repeat, setRepeat] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [failure, setFailure] = createSignal<unknown>(null);
  const [done, setDone] = createSignal(false);
  const [busy, setBusy] = createSignal(false);

  const showErrors = (found: Record<string, string>) => {
    setErrors(found);
    const first = FIELDS.find((f) => found[f]);
    if (first) queueMicrotask(() => document.getElementById(`password-${first}`)?.focus());
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    setDone(false);
    const parsed = passwordChangeBody(props.login).safeParse({ currentPassword: current(), newPassword: next() });
    const found = parsed.success ? {} : fieldErrors(zodIssues(parsed.error));
    if (repeat() !== next()) found.repeat ??= t('field.passwordMismatch');
    showErrors(found);
    if (!parsed.success || found.repeat) return;
    setBusy(true);
    try {
      await api('POST', '/auth/password', parsed.data);
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
    } catch (error) {
      // A wrong current password belongs beside that field; anything else (a lock-out, the network) above the form.
      if (error instanceof ApiFailure && error.code === 'auth.currentPasswordWrong') showErrors({ currentPassword: errorText(error) });
      else {
        setFailure(error);
        if (error instanceof ApiFailure) showErrors(fieldErrors(error.issues));
      }
    } finally {
      setBusy(false);
    }
  };

  const id = (k: string) => `password-${k}`;
  return (
    <form class="card" onSubmit={submit} novalidate aria-labelledby="password-title">
      <h2 id="password-title">{t('password.title')}</h2>
      <Show when={failure()}><p class="alert" role="alert">{errorText(failure())}</p></Show>
      <Show when={done()}><p class="notice" role="status">{t('password.changed')}</p></Show>
      {/* Lets password managers tie the new password to this login. */}
      <input type="text" name="username" autocomplete="username" value={props.login} hidden readOnly />
      <Field id={id('currentPassword')} label={t('password.current')} error={errors().currentPassword}>
        <input {...describedBy(id('currentPassword'), errors().currentPassword)} type="password" autocomplete="current-password" value={current()} onInput={(e) => setCurrent(e.currentTarget.value)} />
      </Field>
      <Field id={id('newPassword')} label={t('password.new')} hint={t('password.newHint')} error={errors().newPassword}>
        <input {...describedBy(id('newPassword'), errors().newPassword, true)} type="password" autocomplete="new-password" value={next()} onInput={(e) => setNext(e.currentTarget.value)} />
      </Field>
      <Field id={id('repeat')} label={t('password.repeat')} error={errors().repeat}>
        <input {...describedBy(id('repeat'), errors().repeat)} type="password" autocomplete="new-password" value={repeat()} onInput={(e) => setRepeat(e.currentTarget.value)} />
      </Field>
      <button type="submit" disabled={busy()}>{t('password.submit')}</button>
    </form>
  );
}
