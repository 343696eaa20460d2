import { useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { loginBody } from '../../../../shared/schemas/api.ts';
import { api, ApiFailure, errorText, fieldErrors, zodIssues } from '../../common/api.ts';
import { t } from '../../common/i18n.ts';
import { CodeField } from '../components/CodeField.tsx';
import { describedBy, Field } from '../components/Field.tsx';
import { setUser, type CurrentUser } from '../session.ts';

/** Refusals after which the account's second factor is asked for: the password was right. */
const CODE_ASKED = new Set(['auth.codeRequired', 'auth.codeInvalid', 'auth.codeUsed']);

export function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [login, setLogin] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [code, setCode] = createSignal('');
  // The code field appears once the server says this account has a second factor.
  const [askCode, setAskCode] = createSignal(false);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [failure, setFailure] = createSignal<unknown>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    const parsed = loginBody.safeParse({ login: login(), password: password(), ...(askCode() && { code: code() }) });
    setErrors(parsed.success ? {} : fieldErrors(zodIssues(parsed.error)));
    if (!parsed.success) return;
    try {
      const { user } = await api<{ user: CurrentUser }>('POST', '/auth/login', parsed.data);
      setUser(user);
      const next = typeof params.next === 'string' && params.next.startsWith('/') && !params.next.startsWith('//') ? params.next : '/';
      navigate(next, { replace: true });
    } catch (error) {
      setFailure(error);
      if (error instanceof ApiFailure && CODE_ASKED.has(error.code)) {
        setAskCode(true);
        setCode('');
        queueMicrotask(() => document.getElementById('code')?.focus());
      }
    }
  };

  // Another login is another account: its second factor, if any, is not known yet.
  const changeLogin = (value: string) => {
    setLogin(value);
    setAskCode(false);
  };

  return (
    <form class="card narrow" onSubmit={submit} novalidate>
      <h1>{t('login.title')}</h1>
      <Show when={failure()}>
        <p class="alert" role="alert">{errorText(failure())}</p>
      </Show>
      <Field id="login" label={t('login.login')} error={errors().login}>
        <input {...describedBy('login', errors().login)} autocomplete="username" value={login()} onInput={(e) => changeLogin(e.currentTarget.value)} />
      </Field>
      <Field id="password" label={t('login.password')} error={errors().password}>
        <input {...describedBy('password', errors().password)} type="password" autocomplete="current-password" value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
      </Field>
      <Show when={askCode()}>
        <CodeField id="code" label={t('login.code')} hint={t('login.codeHint')} error={errors().code} value={code()} onInput={setCode} />
      </Show>
      <button type="submit">{t('login.submit')}</button>
    </form>
  );
}
