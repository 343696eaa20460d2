import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { CampaignSummary } from '../../../../db/repositories/campaigns.ts';
import { loginForPerson } from '../../../../shared/access/accountRules.ts';
import { api, errorText } from '../../common/api.ts';
import { t } from '../../common/i18n.ts';
import { unitTree, type Person, type Unit } from '../data.ts';
import type { IssuedPassword } from './PasswordsPanel.tsx';

type SkipReason = 'hasAccount' | 'noLogin' | 'loginTaken';
interface Result {
  created: Array<IssuedPassword & { personId: string }>;
  skipped: Array<{ personId: string; fullName: string; reason: SkipReason }>;
}

/** The units under `unitId`, itself included. */
function subtree(units: readonly Unit[], unitId: string): Set<string> {
  const out = new Set([unitId]);
  for (const { unit } of unitTree(units)) if (unit.parent_id && out.has(unit.parent_id)) out.add(unit.id);
  return out;
}

/**
 * Staff members' own accounts in one step: pick people (all evaluated persons of a campaign, everyone in a unit,
 * or by name) who have no account yet; the server makes employee accounts linked to them and returns passwords once.
 */
export function AccountsForPeoplePanel(props: { people: readonly Person[]; units: readonly Unit[]; linked: ReadonlySet<string>; onCreated: (issued: IssuedPassword[]) => void }) {
  const [campaigns] = createResource(async () => (await api<{ campaigns: CampaignSummary[] }>('GET', '/campaigns')).campaigns);
  const [campaignId, setCampaignId] = createSignal('');
  const [evaluated] = createResource(campaignId, async (id) => {
    const detail = await api<{ evaluations: Array<{ personId: string }> }>('GET', `/campaigns/${id}`);
    return new Set(detail.evaluations.map((e) => e.personId));
  });
  const [unitId, setUnitId] = createSignal('');
  const [query, setQuery] = createSignal('');
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  const [skipped, setSkipped] = createSignal<Result['skipped']>([]);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);

  const shown = createMemo(() => {
    const inUnit = unitId() ? subtree(props.units, unitId()) : null;
    const inCampaign = campaignId() ? evaluated() : null;
    const q = query().trim().toLowerCase();
    return props.people.filter(
      (p) =>
        !props.linked.has(p.id) &&
        (!inUnit || inUnit.has(p.unitId)) &&
        (!campaignId() || (inCampaign?.has(p.id) ?? false)) &&
        (!q || `${p.fullName} ${p.position} ${p.unitName} ${p.email ?? ''} ${p.employeeNo ?? ''}`.toLowerCase().includes(q)),
    );
  });
  const chosen = () => shown().filter((p) => selected().has(p.id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected());
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  const create = async () => {
    setFailure(null);
    setBusy(true);
    try {
      const result = await api<Result>('POST', '/accounts/for-people', { personIds: chosen().map((p) => p.id) });
      setSkipped(result.skipped);
      setSelected(new Set<string>());
      props.onCreated(result.created);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="for-people-title">
      <h2 id="for-people-title">{t('accounts.forPeopleTitle')}</h2>
      <p class="muted">{t('accounts.forPeopleIntro')}</p>
      <div class="grid-2">
        <div class="field">
          <label for="for-people-campaign">{t('accounts.fromCampaign')}</label>
          <select id="for-people-campaign" value={campaignId()} onChange={(e) => setCampaignId(e.currentTarget.value)}>
            <option value="">{t('accounts.anyCampaign')}</option>
            <For each={campaigns() ?? []}>{(c) => <option value={c.id}>{c.name} ({c.year})</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="for-people-unit">{t('accounts.fromUnit')}</label>
          <select id="for-people-unit" value={unitId()} onChange={(e) => setUnitId(e.currentTarget.value)}>
            <option value="">{t('accounts.anyUnit')}</option>
            <For each={unitTree(props.units)}>{(n) => <option value={n.unit.id}>{'\u2003'.repeat(n.depth) + n.unit.name}</option>}</For>
          </select>
        </div>
      </div>
      <label for="for-people-search" class="visually-hidden">{t('common.search')}</label>
      <input id="for-people-search" type="search" placeholder={t('common.search')} value={query()} onInput={(e) => setQuery(e.currentTarget.value)} />
      <Show when={failure()}><p class="alert" role="alert">{errorText(failure())}</p></Show>
      <Show when={shown().length > 0} fallback={<p>{t('accounts.allHaveAccounts')}</p>}>
        <div class="checklist" role="group" aria-labelledby="for-people-title">
          <For each={shown()}>
            {(p) => {
              const login = loginForPerson(p);
              return (
                <label>
                  <input type="checkbox" checked={selected().has(p.id)} onChange={(e) => toggle(p.id, e.currentTarget.checked)} />
                  <span>
                    {p.fullName} <span class="muted small">— {p.position}, {p.unitName} · {login ?? t('accounts.noLoginSource')}</span>
                  </span>
                </label>
              );
            }}
          </For>
        </div>
      </Show>
      <div class="toolbar">
        <button type="button" class="secondary" disabled={shown().length === 0} onClick={() => setSelected(new Set(shown().map((p) => p.id)))}>
          {t('accounts.selectShown', { count: shown().length })}
        </button>
        <button type="button" disabled={busy() || chosen().length === 0} onClick={() => void create()}>{t('accounts.createForPeople', { count: chosen().length })}</button>
      </div>
      <Show when={skipped().length > 0}>
        <div class="warning" role="status">
          <p>{t('accounts.skipped', { count: skipped().length })}</p>
          <ul>
            <For each={skipped()}>{(s) => <li data-testid="skipped-person">{s.fullName} — {t(`accounts.skip.${s.reason}`)}</li>}</For>
          </ul>
        </div>
      </Show>
    </section>
  );
}
