import { createResource, createSignal, For, Show } from 'solid-js';
import type { AuditView } from '../../../../db/repositories/audit.ts';
import { AUDIT_ACTIONS, auditActionKey, isAuditDetail, type AuditDetail } from '../../../../shared/audit/auditActions.ts';
import { isAuditChange } from '../../../../shared/audit/auditChanges.ts';
import { api, errorText } from '../../common/api.ts';
import { formatDateTime } from '../../../../shared/i18n/dates.ts';
import { t } from '../../common/i18n.ts';

interface Page {
  entries: AuditView[];
  next: number | null;
}

const PAGE = 100;

/** The audit log for the head of HR and the administrator: newest first, filterable by login and action. */
export function AuditPage() {
  const [user, setUser] = createSignal('');
  const [action, setAction] = createSignal('');
  const [filter, setFilter] = createSignal({ user: '', action: '' });
  const [older, setOlder] = createSignal<AuditView[]>([]);
  const [next, setNext] = createSignal<number | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);

  const query = (before?: number) => {
    const q = new URLSearchParams({ limit: String(PAGE) });
    if (filter().user) q.set('user', filter().user);
    if (filter().action) q.set('action', filter().action);
    if (before !== undefined) q.set('before', String(before));
    return `/audit?${q}`;
  };
  const [first] = createResource(filter, async () => {
    setOlder([]);
    const page = await api<Page>('GET', query());
    setNext(page.next);
    return page.entries;
  });
  const loadMore = async () => {
    try {
      const page = await api<Page>('GET', query(next()!));
      setOlder([...older(), ...page.entries]);
      setNext(page.next);
    } catch (error) {
      setFailure(error);
    }
  };

  const actionText = (a: string) => {
    const key = auditActionKey(a);
    return key ? t(key) : a;
  };
  const describe = (e: AuditView) => {
    const { name, changes, ...numbers } = e.details ?? {};
    const figures = Object.entries(numbers)
      .filter((entry): entry is [AuditDetail, number] => typeof entry[1] === 'number' && isAuditDetail(entry[0]))
      .map(([key, value]) => `${t(`audit.detail.${key}`)}: ${value}`);
    const changed = (Array.isArray(changes) ? changes : [])
      .filter(isAuditChange)
      .map((c) => `${t(`audit.change.${c.field}`)}: ${c.before ?? t('common.none')} → ${c.after ?? t('common.none')}`);
    const subject = typeof name === 'string' ? name : e.target ? Object.values(e.target).join(' / ') : t('common.none');
    return [subject, ...changed, ...figures].join(' · ');
  };

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p class="muted">{t('audit.intro')}</p>
      <form class="toolbar" onSubmit={(e) => { e.preventDefault(); setFilter({ user: user().trim(), action: action() }); }}>
        <label for="audit-user">{t('audit.filterUser')}</label>
        <input id="audit-user" class="field-short" value={user()} onInput={(e) => setUser(e.currentTarget.value)} />
        <label for="audit-action">{t('audit.filterAction')}</label>
        <select id="audit-action" class="field-wide" value={action()} onChange={(e) => setAction(e.currentTarget.value)}>
          <option value="">{t('audit.anyAction')}</option>
          <For each={Object.keys(AUDIT_ACTIONS)}>{(a) => <option value={a}>{actionText(a)}</option>}</For>
        </select>
        <button type="submit">{t('audit.apply')}</button>
      </form>
      <Show when={first.error || failure()}><p class="alert" role="alert">{errorText(first.error ?? failure())}</p></Show>
      <Show when={first.state === 'ready' && first()} fallback={<Show when={first.loading}><p role="status">{t('common.loading')}</p></Show>}>
        <Show when={first()!.length > 0} fallback={<p>{t('audit.empty')}</p>}>
          <div class="table-wrap">
            <table>
              <thead>
                <tr><th scope="col">{t('audit.at')}</th><th scope="col">{t('audit.user')}</th><th scope="col">{t('audit.action')}</th><th scope="col">{t('audit.target')}</th></tr>
              </thead>
              <tbody>
                <For each={[...first()!, ...older()]}>
                  {(e) => (
                    <tr data-testid="audit-row">
                      <td class="small">{formatDateTime(new Date(e.at))}</td><td>{e.userLogin}</td><td>{actionText(e.action)}</td><td class="small">{describe(e)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <Show when={next() !== null}>
            <button type="button" class="secondary" onClick={() => void loadMore()}>{t('audit.more')}</button>
          </Show>
        </Show>
      </Show>
    </>
  );
}
