import { createResource, createSignal, For, Show } from 'solid-js';
import type { AddUnitResult } from '../../../../server/services/campaignBuilding.ts';
import type { Absence } from '../../../../shared/rules/absence.ts';
import { api, errorText } from '../../common/api.ts';
import { t } from '../../common/i18n.ts';
import { fetchUnits, unitTree } from '../data.ts';

/** Adds a unit (optionally with its sub-units) in one step and says what became of each person. */
export function AddUnitPanel(props: { campaignId: string; year: number; minRespondents: number; onAdded: () => unknown }) {
  const [units] = createResource(fetchUnits);
  const [unitId, setUnitId] = createSignal('');
  const [withSubunits, setWithSubunits] = createSignal(true);
  const [result, setResult] = createSignal<AddUnitResult | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    setBusy(true);
    try {
      setResult(await api<AddUnitResult>('POST', `/campaigns/${props.campaignId}/units`, { unitId: unitId(), includeSubunits: withSubunits() }));
      await props.onAdded();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const attention = () => (result()?.added ?? []).filter((a) => a.needsRespondents || a.widened.length > 0);

  return (
    <section class="card" aria-labelledby="add-unit">
      <h2 id="add-unit">{t('building.addUnit')}</h2>
      <p class="hint muted small">{t('building.addUnitHint', { min: props.minRespondents })}</p>
      <form class="row" onSubmit={submit} novalidate>
        <label for="add-unit-select" class="visually-hidden">{t('building.unit')}</label>
        <select id="add-unit-select" class="field-grow" value={unitId()} onChange={(e) => setUnitId(e.currentTarget.value)} aria-invalid={Boolean(failure())} aria-describedby={failure() ? 'add-unit-error' : undefined}>
          <option value="">{t('building.chooseUnit')}</option>
          <For each={unitTree(units() ?? [])}>{(n) => <option value={n.unit.id}>{'\u2003'.repeat(n.depth) + n.unit.name}</option>}</For>
        </select>
        <label class="row check">
          <input type="checkbox" checked={withSubunits()} onChange={(e) => setWithSubunits(e.currentTarget.checked)} />
          {t('building.includeSubunits')}
        </label>
        <button type="submit" disabled={busy() || !unitId()}>{t('building.addUnitButton')}</button>
      </form>
      <Show when={failure()}><p class="error" id="add-unit-error" role="alert">{errorText(failure())}</p></Show>
      <Show when={result()}>
        {(r) => (
          <div role="status" data-testid="unit-result">
            <h3>{t('building.resultTitle')}</h3>
            <p>{t('building.added', { count: r().added.length })} · {t('building.assigned', { count: r().added.filter((a) => a.respondents > 0).length })}</p>
            <Show when={r().added.some((a) => a.withoutParticipation)}>
              <ul class="small">
                <For each={r().added.filter((a) => a.withoutParticipation)}>
                  {(a) => <li>{a.fullName}: {t('building.withoutParticipation', { absence: t(`absence.${a.withoutParticipation as Absence}`) })}</li>}
                </For>
              </ul>
            </Show>
            <Show when={attention().length > 0}>
              <h4>{t('building.attention')}</h4>
              <ul class="warning">
                <For each={attention()}>
                  {(a) => (
                    <li>
                      {a.fullName}: {a.needsRespondents ? t('building.needsRespondents', { min: props.minRespondents }) : t('building.checkWidened', { names: a.widened.join(', ') })}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={r().leftOut.length > 0}>
              <h4>{t('building.leftOut')}</h4>
              <ul data-testid="left-out">
                <For each={r().leftOut}>{(l) => <li>{l.fullName} — {t(`building.reason.${l.reason}`, { year: props.year })}</li>}</For>
              </ul>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
