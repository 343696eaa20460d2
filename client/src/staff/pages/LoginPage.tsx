import { useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { loginBody } from '../../../../shared/schemas/api.ts';
import { api, errorText, fieldErrors, zodIssues } from '../../common/api.ts';
import { t } from '../../common/i18n.ts';
import { describedBy, Field } from '../components/Field.tsx';
import { setUser, type CurrentUser } from '../session.ts';

export function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [login, setLogin] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [failure, setFailure] = createSignal<unknown>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    const parsed = loginBody.safeParse({ login: login(), password: password() });
    setErrors(parsed.success ? {} : fieldErrors(zodIssues(parsed.error)));
    if (!parsed.success) return;
    try {
      const { user } = await api<{ user: CurrentUser }>('POST', '/auth/login', parsed.data);
      setUser(user);
      const next = typeof params.next === 'string' && params.next.startsWith('/') && !params.next.startsWith('//') ? params.next : '/';
      navigate(next, { replace: true });
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <form class="card narrow" onSubmit={submit} novalidate>
      <h1>{t('login.title')}</h1>
      <Show when={failure()}>
        <p class="alert" role="alert">{errorText(failure())}</p>
      </Show>
      <Field id="login" label={t('login.login')} error={errors().login}>
        <input {...describedBy('login', errors().login)} autocomplete="username" value={login()} onInput={(e) => setLogin(e.currentTarget.value)} />
      </Field>
      <Field id="password" label={t('login.password')} error={errors().password}>
        <input {...describedBy('password', errors().password)} type="password" autocomplete="current-password" value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
      </Field>
      <button type="submit">{t('login.submit')}</button>
    </form>
  );
}
