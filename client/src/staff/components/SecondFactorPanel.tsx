import { createSignal, Show } from 'solid-js';
import { totpCodeBody } from '../../../../shared/schemas/ownAccount.ts';
import { api, ApiFailure, errorText, fieldErrors, zodIssues } from '../../common/api.ts';
import { t } from '../../common/i18n.ts';
import { setUser, user } from '../session.ts';
import { CodeField } from './CodeField.tsx';

interface Setup {
  uri: string;
  qr: string;
  secret: string;
}

/** The key in groups of four, as authenticator apps show and people copy it. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)!.join(' ');

/**
 * The optional second factor (TOTP) on "My account": set up from a QR code or the key, switched on by a first
 * code, turned off with a current code. `on` is whether sign-in asks for a code now.
 */
export function SecondFactorPanel(props: { on: boolean }) {
  const [setup, setSetup] = createSignal<Setup | null>(null);
  const [code, setCode] = createSignal('');
  const [codeError, setCodeError] = createSignal<string>();
  const [failure, setFailure] = createSignal<unknown>(null);
  const [message, setMessage] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const run = async (action: () => Promise<void>) => {
    setFailure(null);
    setMessage(null);
    setBusy(true);
    try {
      await action();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const begin = () =>
    run(async () => {
      setSetup(await api<Setup>('POST', '/auth/totp/setup', {}));
      setCode('');
      queueMicrotask(() => document.getElementById('totp-code')?.focus());
    });

  /** Sends the code to `path`; a malformed one is refused here, a wrong one beside the field. */
  const withCode = (path: string, nowOn: boolean, done: string) => async (event: Event) => {
    event.preventDefault();
    const parsed = totpCodeBody.safeParse({ code: code() });
    setCodeError(parsed.success ? undefined : fieldErrors(zodIssues(parsed.error)).code);
    if (!parsed.success) {
      document.getElementById('totp-code')?.focus();
      return;
    }
    await run(async () => {
      try {
        await api('POST', path, parsed.data);
      } catch (error) {
        if (error instanceof ApiFailure && error.code.startsWith('auth.code')) {
          setCodeError(errorText(error));
          document.getElementById('totp-code')?.focus();
          return;
        }
        throw error;
      }
      setSetup(null);
      setCode('');
      setUser({ ...user()!, secondFactor: nowOn });
      setMessage(done);
    });
  };

  const codeField = () => <CodeField id="totp-code" label={t('secondFactor.code')} error={codeError()} value={code()} onInput={setCode} />;

  return (
    <section class="card" aria-labelledby="totp-title">
      <h2 id="totp-title">{t('secondFactor.title')}</h2>
      <p class="muted">{t('secondFactor.intro')}</p>
      <Show when={failure()}><p class="alert" role="alert">{errorText(failure())}</p></Show>
      <Show when={message()}><p class="notice" role="status">{message()}</p></Show>
      <p><strong>{props.on ? t('secondFactor.statusOn') : t('secondFactor.statusOff')}</strong></p>
      <Show when={props.on}>
        <form onSubmit={withCode('/auth/totp/off', false, t('secondFactor.turnedOff'))} novalidate>
          <p>{t('secondFactor.offIntro')}</p>
          {codeField()}
          <button type="submit" class="danger" disabled={busy()}>{t('secondFactor.turnOff')}</button>
        </form>
        <p class="muted small">{t('secondFactor.lostPhone')}</p>
      </Show>
      <Show when={!props.on}>
        <Show when={setup()} fallback={<button type="button" disabled={busy()} onClick={() => void begin()}>{t('secondFactor.setUp')}</button>}>
          {(s) => (
            <form onSubmit={withCode('/auth/totp/confirm', true, t('secondFactor.turnedOn'))} novalidate>
              <p>{t('secondFactor.scan')}</p>
              <div class="totp-setup">
                <a href={s().uri}><img src={s().qr} alt={t('secondFactor.qrAlt')} width="200" height="200" /></a>
                <div>
                  <p>
                    <strong>{t('secondFactor.key')}</strong>
                    <br />
                    <code class="totp-key" data-testid="totp-key">{grouped(s().secret)}</code>
                  </p>
                  {codeField()}
                  <button type="submit" disabled={busy()}>{t('secondFactor.turnOn')}</button>
                </div>
              </div>
            </form>
          )}
        </Show>
      </Show>
    </section>
  );
}
