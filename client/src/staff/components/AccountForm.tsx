import { createSignal, For, Show } from 'solid-js';
import type { AccountView } from '../../../../db/repositories/accountAdmin.ts';
import type { Role } from '../../../../shared/access/roles.ts';
import { accountCreateBody, accountUpdateBody } from '../../../../shared/schemas/accounts.ts';
import { api, ApiFailure, errorText, fieldErrors, zodIssues } from '../../common/api.ts';
import { t } from '../../common/i18n.ts';
import type { Person } from '../data.ts';
import { describedBy, Field } from './Field.tsx';
import type { IssuedPassword } from './PasswordsPanel.tsx';

/**
 * Creates an account (its password comes back once) or changes one: name, role, the staff member it belongs to,
 * an HR officer's grant to read reports. `roles` are those the signed-in user keeps.
 */
export function AccountForm(props: {
  account: AccountView | null;
  roles: readonly Role[];
  people: readonly Person[];
  selfId: string;
  onSaved: (issued: IssuedPassword | null) => void;
  onCancel: () => void;
}) {
  const a = props.account;
  const [login, setLogin] = createSignal(a?.login ?? '');
  const [fullName, setFullName] = createSignal(a?.fullName ?? '');
  const [role, setRole] = createSignal<string>(a?.role ?? (props.roles.includes('employee') ? 'employee' : props.roles[0]!));
  const [personId, setPersonId] = createSignal(a?.personId ?? '');
  const [grant, setGrant] = createSignal(a?.canReadReports ?? false);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [failure, setFailure] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);

  const choosePerson = (id: string) => {
    setPersonId(id);
    // A new account for a staff member is usually in their name.
    const person = props.people.find((p) => p.id === id);
    if (!a && person && !fullName().trim()) setFullName(person.fullName);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    const fields = { fullName: fullName(), role: role(), personId: personId() || null, canReadReports: role() === 'hr' && grant() };
    const parsed = a ? accountUpdateBody.safeParse(fields) : accountCreateBody.safeParse({ ...fields, login: login() });
    setErrors(parsed.success ? {} : fieldErrors(zodIssues(parsed.error)));
    if (!parsed.success) return;
    setBusy(true);
    try {
      if (a) {
        await api('PUT', `/accounts/${a.id}`, parsed.data);
        props.onSaved(null);
      } else {
        const created = await api<{ account: AccountView; password: string }>('POST', '/accounts', parsed.data);
        props.onSaved({ login: created.account.login, fullName: created.account.fullName, password: created.password });
      }
    } catch (error) {
      setFailure(error);
      if (error instanceof ApiFailure) setErrors(fieldErrors(error.issues));
    } finally {
      setBusy(false);
    }
  };

  const id = (k: string) => `account-${k}`;
  const ownRole = () => a !== null && a.id === props.selfId;
  return (
    <form class="card" onSubmit={submit} novalidate aria-labelledby="account-form-title">
      <h2 id="account-form-title">{a ? t('accounts.editTitle', { login: a.login }) : t('accounts.addTitle')}</h2>
      <Show when={failure()}><p class="alert" role="alert">{errorText(failure())}</p></Show>
      <div class="grid-2">
        <Show when={!a}>
          <Field id={id('login')} label={t('accounts.login')} hint={t('accounts.loginHint')} error={errors().login}>
            <input {...describedBy(id('login'), errors().login, true)} autocomplete="off" autocapitalize="none" spellcheck={false} value={login()} onInput={(e) => setLogin(e.currentTarget.value)} />
          </Field>
        </Show>
        <Field id={id('person')} label={t('accounts.person')} hint={t('accounts.personHint')} error={errors().personId}>
          <select {...describedBy(id('person'), errors().personId, true)} value={personId()} onChange={(e) => choosePerson(e.currentTarget.value)}>
            <option value="">{t('accounts.noPerson')}</option>
            <For each={props.people}>{(p) => <option value={p.id}>{p.fullName} — {p.position}, {p.unitName}</option>}</For>
          </select>
        </Field>
        <Field id={id('fullName')} label={t('accounts.fullName')} error={errors().fullName}>
          <input {...describedBy(id('fullName'), errors().fullName)} autocomplete="off" value={fullName()} onInput={(e) => setFullName(e.currentTarget.value)} />
        </Field>
        <Field id={id('role')} label={t('accounts.role')} error={errors().role}>
          <select {...describedBy(id('role'), errors().role)} value={role()} disabled={ownRole()} onChange={(e) => setRole(e.currentTarget.value)}>
            <For each={props.roles}>{(r) => <option value={r}>{t(`role.${r}`)}</option>}</For>
          </select>
        </Field>
      </div>
      <Show when={role() === 'hr' && props.roles.includes('hr')}>
        <div class="field">
          <label class="row check">
            <input id={id('grant')} type="checkbox" checked={grant()} onChange={(e) => setGrant(e.currentTarget.checked)} aria-describedby={`${id('grant')}-hint`} />
            {t('accounts.grant')}
          </label>
          <p class="hint" id={`${id('grant')}-hint`}>{t('accounts.grantHint')}</p>
        </div>
      </Show>
      <div class="row">
        <button type="submit" disabled={busy()}>{a ? t('common.save') : t('accounts.create')}</button>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
