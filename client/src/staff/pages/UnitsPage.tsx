import { createResource, createSignal, For, Show } from 'solid-js';
import { unitBody } from '../../../../shared/schemas/api.ts';
import { api, errorText, fieldErrors, zodIssues } from '../../common/api.ts';
import { t } from '../../common/i18n.ts';
import { createConfirm } from '../components/createConfirm.tsx';
import { describedBy, Field } from '../components/Field.tsx';
import { fetchPeople, fetchUnits, unitTree, type Unit } from '../data.ts';

export function UnitsPage() {
  const confirmation = createConfirm();
  const [units, { refetch }] = createResource(fetchUnits);
  const [people] = createResource(fetchPeople);
  const [editing, setEditing] = createSignal<Unit | null>(null);
  const [name, setName] = createSignal('');
  const [parentId, setParentId] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [failure, setFailure] = createSignal<unknown>(null);

  const headcount = (unitId: string) => (people() ?? []).filter((p) => p.unitId === unitId).length;

  const startEdit = (unit: Unit | null) => {
    setEditing(unit);
    setName(unit?.name ?? '');
    setParentId(unit?.parent_id ?? '');
    setErrors({});
    setFailure(null);
    document.getElementById('unit-name')?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    const parsed = unitBody.safeParse({ name: name(), parentId: parentId() || null });
    setErrors(parsed.success ? {} : fieldErrors(zodIssues(parsed.error)));
    if (!parsed.success) return;
    try {
      const current = editing();
      if (current) await api('PUT', `/units/${current.id}`, parsed.data);
      else await api('POST', '/units', parsed.data);
      startEdit(null);
      await refetch();
    } catch (error) {
      setFailure(error);
    }
  };

  const remove = async (unit: Unit) => {
    if (!(await confirmation.ask({ title: t('common.delete'), body: t('common.confirmDelete', { name: unit.name }), confirmLabel: t('common.delete') }))) return;
    try {
      await api('DELETE', `/units/${unit.id}`);
      await refetch();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <>
      <confirmation.Dialog />
      <h1>{t('units.title')}</h1>
      <form class="card" onSubmit={submit} novalidate aria-labelledby="unit-form-title">
        <h2 id="unit-form-title">{editing() ? t('common.edit') : t('units.add')}</h2>
        <Show when={failure()}><p class="alert" role="alert">{errorText(failure())}</p></Show>
        <div class="grid-2">
          <Field id="unit-name" label={t('units.name')} error={errors().name}>
            <input {...describedBy('unit-name', errors().name)} value={name()} onInput={(e) => setName(e.currentTarget.value)} />
          </Field>
          <Field id="unit-parent" label={t('units.parent')}>
            <select id="unit-parent" value={parentId()} onChange={(e) => setParentId(e.currentTarget.value)}>
              <option value="">{t('units.noParent')}</option>
              <For each={unitTree(units() ?? []).filter((n) => n.unit.id !== editing()?.id)}>
                {(n) => <option value={n.unit.id}>{'\u2003'.repeat(n.depth) + n.unit.name}</option>}
              </For>
            </select>
          </Field>
        </div>
        <div class="row">
          <button type="submit">{editing() ? t('common.save') : t('units.add')}</button>
          <Show when={editing()}><button type="button" class="secondary" onClick={() => startEdit(null)}>{t('common.cancel')}</button></Show>
        </div>
      </form>
      <Show when={(units() ?? []).length > 0} fallback={<p>{units.loading ? t('common.loading') : t('units.empty')}</p>}>
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">{t('units.name')}</th><th scope="col" class="num">{t('units.people')}</th><th scope="col">{t('common.actions')}</th></tr></thead>
            <tbody>
              <For each={unitTree(units() ?? [])}>
                {(n) => (
                  <tr>
                    <td style={{ 'padding-left': `${0.5 + n.depth * 1.5}rem` }}>{n.unit.name}</td>
                    <td class="num">{headcount(n.unit.id)}</td>
                    <td class="row">
                      <button type="button" class="secondary" onClick={() => startEdit(n.unit)} aria-label={`${t('common.edit')}: ${n.unit.name}`}>{t('common.edit')}</button>
                      <button type="button" class="danger" onClick={() => void remove(n.unit)} aria-label={`${t('common.delete')}: ${n.unit.name}`}>{t('common.delete')}</button>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </>
  );
}
