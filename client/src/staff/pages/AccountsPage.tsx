import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { AccountView } from '../../../../db/repositories/accountAdmin.ts';
import type { Role } from '../../../../shared/access/roles.ts';
import { api, errorText } from '../../common/api.ts';
import { t } from '../../common/i18n.ts';
import { AccountForm } from '../components/AccountForm.tsx';
import { AccountsForPeoplePanel } from '../components/AccountsForPeoplePanel.tsx';
import { createConfirm } from '../components/createConfirm.tsx';
import { PasswordsPanel, type IssuedPassword } from '../components/PasswordsPanel.tsx';
import { fetchPeople, fetchUnits } from '../data.ts';
import { user } from '../session.ts';

interface Listing {
  accounts: AccountView[];
  roles: Role[];
  selfId: string;
}

/** Accounts, for the administrator (all of them) and the head of HR (staff members' and trainers'). */
export function AccountsPage() {
  const confirmation = createConfirm();
  const [listing, { refetch }] = createResource(() => api<Listing>('GET', '/accounts'));
  const [people] = createResource(fetchPeople);
  const [units] = createResource(fetchUnits);
  // A new object on every opening, so that the form starts afresh for each account.
  const [form, setForm] = createSignal<{ account: AccountView | null } | null>(null);
  const [issued, setIssued] = createSignal<IssuedPassword[]>([]);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [query, setQuery] = createSignal('');

  const kept = (a: AccountView) => (listing()?.roles ?? []).includes(a.role as Role);
  const linked = createMemo(() => new Set((listing()?.accounts ?? []).flatMap((a) => (a.personId ? [a.personId] : []))));
  const shown = createMemo(() => {
    const q = query().trim().toLowerCase();
    return (listing()?.accounts ?? []).filter((a) => !q || `${a.login} ${a.fullName} ${a.personName ?? ''}`.toLowerCase().includes(q));
  });

  const showPasswords = (list: IssuedPassword[]) => {
    setIssued(list);
    queueMicrotask(() => document.getElementById('passwords')?.focus());
  };
  const open = (account: AccountView | null) => {
    setFailure(null);
    setForm({ account });
    queueMicrotask(() => document.getElementById(account ? 'account-fullName' : 'account-login')?.focus());
  };
  const act = async (action: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await action();
      await refetch();
    } catch (error) {
      setFailure(error);
    }
  };
  const reset = async (a: AccountView) => {
    const yes = await confirmation.ask({ title: t('accounts.resetPassword'), body: t('accounts.resetConfirm', { login: a.login }), confirmLabel: t('accounts.resetPassword') });
    if (yes) await act(async () => showPasswords([{ login: a.login, fullName: a.fullName, password: (await api<{ password: string }>('POST', `/accounts/${a.id}/password`)).password }]));
  };
  const removeFactor = async (a: AccountView) => {
    const yes = await confirmation.ask({ title: t('accounts.removeSecondFactor'), body: t('accounts.removeSecondFactorConfirm', { login: a.login }), confirmLabel: t('accounts.removeSecondFactor') });
    if (yes) await act(() => api('DELETE', `/accounts/${a.id}/totp`));
  };
  const remove = async (a: AccountView) => {
    const yes = await confirmation.ask({ title: t('common.delete'), body: t('accounts.deleteConfirm', { login: a.login }), confirmLabel: t('common.delete') });
    if (yes) await act(() => api('DELETE', `/accounts/${a.id}`));
  };

  return (
    <>
      <confirmation.Dialog />
      <h1>{t('accounts.title')}</h1>
      <p class="muted">{t('accounts.intro')} <Show when={user()?.role === 'hr_head'}>{t('accounts.introHead')}</Show></p>
      <div class="toolbar">
        <button type="button" disabled={!listing()} onClick={() => open(null)}>{t('accounts.add')}</button>
        <label for="accounts-search" class="visually-hidden">{t('common.search')}</label>
        <input id="accounts-search" type="search" placeholder={t('common.search')} class="field-wide" value={query()} onInput={(e) => setQuery(e.currentTarget.value)} />
        <span class="muted">{t('accounts.count', { count: (listing()?.accounts ?? []).length })}</span>
      </div>
      <Show when={listing.error || failure()}><p class="alert" role="alert">{errorText(listing.error ?? failure())}</p></Show>
      <Show when={issued().length > 0}>
        <PasswordsPanel passwords={issued()} fileName="accounts.csv" onClose={() => setIssued([])} />
      </Show>
      <Show when={listing() && form()} keyed>
        {(f) => (
          <AccountForm
            account={f.account}
            roles={listing()!.roles}
            people={people() ?? []}
            selfId={listing()!.selfId}
            onCancel={() => setForm(null)}
            onSaved={(password) => {
              setForm(null);
              if (password) showPasswords([password]);
              void refetch();
            }}
          />
        )}
      </Show>
      <Show when={listing()} fallback={<p role="status">{t('common.loading')}</p>}>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('accounts.login')}</th><th scope="col">{t('accounts.fullName')}</th><th scope="col">{t('accounts.role')}</th>
                <th scope="col">{t('accounts.person')}</th><th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={shown()}>
                {(a) => (
                  <tr data-testid="account-row">
                    <td>{a.login}<Show when={a.id === listing()!.selfId}> <span class="muted small">({t('accounts.you')})</span></Show></td>
                    <td>{a.fullName}</td>
                    <td>
                      {t(`role.${a.role as Role}`)}
                      <Show when={a.canReadReports}><br /><span class="small muted">{t('accounts.granted')}</span></Show>
                      <Show when={a.secondFactor}><br /><span class="small muted">{t('accounts.secondFactorOn')}</span></Show>
                    </td>
                    <td>{a.personName ?? t('common.none')}<Show when={a.personName}><br /><span class="muted small">{a.personPosition}, {a.personUnit}</span></Show></td>
                    <td class="row">
                      <Show when={kept(a)}>
                        <button type="button" class="secondary" onClick={() => open(a)} aria-label={`${t('common.edit')}: ${a.login}`}>{t('common.edit')}</button>
                        <button type="button" class="secondary" onClick={() => void reset(a)} aria-label={`${t('accounts.resetPassword')}: ${a.login}`}>{t('accounts.resetPassword')}</button>
                        <Show when={a.secondFactor && a.id !== listing()!.selfId}>
                          <button type="button" class="secondary" onClick={() => void removeFactor(a)} aria-label={`${t('accounts.removeSecondFactor')}: ${a.login}`}>{t('accounts.removeSecondFactor')}</button>
                        </Show>
                        <Show when={a.id !== listing()!.selfId}>
                          <button type="button" class="danger" onClick={() => void remove(a)} aria-label={`${t('common.delete')}: ${a.login}`}>{t('common.delete')}</button>
                        </Show>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={people() && units()}>
        <AccountsForPeoplePanel
          people={people()!}
          units={units()!}
          linked={linked()}
          onCreated={(created) => {
            if (created.length) showPasswords(created);
            void refetch();
          }}
        />
      </Show>
    </>
  );
}
