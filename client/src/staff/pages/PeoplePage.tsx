import { A } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { findMethodology, DEFAULT_METHODOLOGY_ID } from '../../../../shared/methodology/registry.ts';
import { formKeyForCategory } from '../../../../shared/rules/positionCategory.ts';
import { ABSENCES } from '../../../../shared/rules/absence.ts';
import { personBody } from '../../../../shared/schemas/api.ts';
import { api, errorText, fieldErrors, zodIssues } from '../../common/api.ts';
import { locale, t } from '../../common/i18n.ts';
import { createConfirm } from '../components/createConfirm.tsx';
import { describedBy, Field } from '../components/Field.tsx';
import { fetchPeople, fetchUnits, unitTree, type Person } from '../data.ts';

const COMMON_CATEGORIES = ['B-1', 'B-2', 'B-3', 'B-4', 'B-5', 'C-1', 'C-2', 'C-3', 'C-4', 'C-5', 'C-O-1', 'C-O-2', 'C-O-3', 'C-O-4', 'C-O-5', 'C-O-6', 'D-1', 'D-2', 'D-3', 'D-4', 'D-5', 'D-O-1', 'D-O-2', 'D-O-3', 'D-O-4', 'D-O-5', 'D-O-6', 'E-1', 'E-2', 'E-3', 'E-4', 'E-5'];

const empty = { fullName: '', position: '', unitId: '', category: '', managerId: '', email: '', employeeNo: '', appointedOn: '', absence: '', absentFrom: '', absentUntil: '' };

export function PeoplePage() {
  const confirmation = createConfirm();
  const methodology = findMethodology(DEFAULT_METHODOLOGY_ID)!;
  const [units] = createResource(fetchUnits);
  const [people, { refetch }] = createResource(fetchPeople);
  const [editing, setEditing] = createSignal<Person | null>(null);
  const [formOpen, setFormOpen] = createSignal(false);
  const [values, setValues] = createSignal({ ...empty });
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [failure, setFailure] = createSignal<unknown>(null);
  const [query, setQuery] = createSignal('');

  const set = (key: keyof typeof empty) => (e: { currentTarget: { value: string } }) => setValues({ ...values(), [key]: e.currentTarget.value });
  const filtered = createMemo(() => {
    const q = query().trim().toLowerCase();
    return (people() ?? []).filter((p) => !q || `${p.fullName} ${p.position} ${p.unitName} ${p.employeeNo ?? ''}`.toLowerCase().includes(q));
  });

  const open = (person: Person | null) => {
    setEditing(person);
    setValues(
      person
        ? {
            fullName: person.fullName,
            position: person.position,
            unitId: person.unitId,
            category: person.category,
            managerId: person.managerId ?? '',
            email: person.email ?? '',
            employeeNo: person.employeeNo ?? '',
            appointedOn: person.appointedOn ?? '',
            absence: person.absence ?? '',
            absentFrom: person.absentFrom ?? '',
            absentUntil: person.absentUntil ?? '',
          }
        : { ...empty },
    );
    setErrors({});
    setFailure(null);
    setFormOpen(true);
    queueMicrotask(() => document.getElementById('person-fullName')?.focus());
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    const v = values();
    const parsed = personBody.safeParse({ ...v, managerId: v.managerId || null });
    setErrors(parsed.success ? {} : fieldErrors(zodIssues(parsed.error)));
    if (!parsed.success) return;
    try {
      const current = editing();
      if (current) await api('PUT', `/people/${current.id}`, parsed.data);
      else await api('POST', '/people', parsed.data);
      setFormOpen(false);
      await refetch();
    } catch (error) {
      setFailure(error);
      if (error && typeof error === 'object' && 'issues' in error) setErrors(fieldErrors((error as { issues: { path: string; code: string }[] }).issues));
    }
  };

  const remove = async (person: Person) => {
    if (!(await confirmation.ask({ title: t('common.delete'), body: t('common.confirmDelete', { name: person.fullName }), confirmLabel: t('common.delete') }))) return;
    try {
      await api('DELETE', `/people/${person.id}`);
      await refetch();
    } catch (error) {
      setFailure(error);
    }
  };

  const fieldId = (k: string) => `person-${k}`;
  return (
    <>
      <confirmation.Dialog />
      <h1>{t('people.title')}</h1>
      <Show when={units() && units()!.length === 0}>
        <p class="notice">{t('people.needUnit')} <A href="/units">{t('nav.units')}</A></p>
      </Show>
      <div class="toolbar">
        <button type="button" onClick={() => open(null)} disabled={!units() || units()!.length === 0}>{t('people.add')}</button>
        <label for="people-search" class="visually-hidden">{t('common.search')}</label>
        <input id="people-search" type="search" placeholder={t('common.search')} class="field-wide" value={query()} onInput={(e) => setQuery(e.currentTarget.value)} />
        <span class="muted">{t('people.count', { count: (people() ?? []).length })}</span>
        <a class="button secondary" href={`/api/staff-export?lang=${locale()}`} download="">{t('staffImport.export')}</a>
        <A class="button secondary" href="/import">{t('staffImport.importLink')}</A>
      </div>
      <Show when={!formOpen() && failure()}><p class="alert" role="alert">{errorText(failure())}</p></Show>
      <Show when={formOpen()}>
        <form class="card" onSubmit={submit} novalidate aria-labelledby="person-form-title">
          <h2 id="person-form-title">{editing() ? t('people.editTitle') : t('people.addTitle')}</h2>
          <Show when={failure()}><p class="alert" role="alert">{errorText(failure())}</p></Show>
          <div class="grid-2">
            <Field id={fieldId('fullName')} label={t('people.fullName')} error={errors().fullName}>
              <input {...describedBy(fieldId('fullName'), errors().fullName)} autocomplete="off" value={values().fullName} onInput={set('fullName')} />
            </Field>
            <Field id={fieldId('position')} label={t('people.position')} error={errors().position}>
              <input {...describedBy(fieldId('position'), errors().position)} value={values().position} onInput={set('position')} />
            </Field>
            <Field id={fieldId('unitId')} label={t('people.unit')} error={errors().unitId}>
              <select {...describedBy(fieldId('unitId'), errors().unitId)} value={values().unitId} onChange={set('unitId')}>
                <option value="">{t('people.chooseUnit')}</option>
                <For each={unitTree(units() ?? [])}>{(n) => <option value={n.unit.id}>{'\u2003'.repeat(n.depth) + n.unit.name}</option>}</For>
              </select>
            </Field>
            <Field id={fieldId('category')} label={t('people.category')} hint={t('people.categoryHint')} error={errors().category}>
              <input {...describedBy(fieldId('category'), errors().category, true)} list="categories" value={values().category} onInput={set('category')} />
              <datalist id="categories"><For each={COMMON_CATEGORIES}>{(c) => <option value={c} />}</For></datalist>
            </Field>
            <Field id={fieldId('managerId')} label={t('people.manager')} error={errors().managerId}>
              <select {...describedBy(fieldId('managerId'), errors().managerId)} value={values().managerId} onChange={set('managerId')}>
                <option value="">{t('people.noManager')}</option>
                <For each={(people() ?? []).filter((p) => p.id !== editing()?.id)}>{(p) => <option value={p.id}>{p.fullName} — {p.position}</option>}</For>
              </select>
            </Field>
            <Field id={fieldId('email')} label={`${t('people.email')} (${t('people.optional')})`} error={errors().email}>
              <input {...describedBy(fieldId('email'), errors().email)} type="email" autocomplete="off" value={values().email} onInput={set('email')} />
            </Field>
            <Field id={fieldId('employeeNo')} label={`${t('people.employeeNo')} (${t('people.optional')})`} hint={t('people.employeeNoHint')} error={errors().employeeNo}>
              <input {...describedBy(fieldId('employeeNo'), errors().employeeNo, true)} autocomplete="off" value={values().employeeNo} onInput={set('employeeNo')} />
            </Field>
            <Field id={fieldId('appointedOn')} label={`${t('people.appointedOn')} (${t('people.optional')})`} error={errors().appointedOn}>
              <input {...describedBy(fieldId('appointedOn'), errors().appointedOn)} type="date" value={values().appointedOn} onInput={set('appointedOn')} />
            </Field>
          </div>
          <fieldset class="grid-3">
            <legend>{t('people.absence')}</legend>
            <Field id={fieldId('absence')} label={t('people.absence')} hint={t('people.absenceHint')} error={errors().absence}>
              <select {...describedBy(fieldId('absence'), errors().absence, true)} value={values().absence} onChange={set('absence')}>
                <option value="">{t('people.noAbsence')}</option>
                <For each={ABSENCES}>{(a) => <option value={a}>{t(`absence.${a}`)}</option>}</For>
              </select>
            </Field>
            <Field id={fieldId('absentFrom')} label={t('people.absentFrom')} error={errors().absentFrom}>
              <input {...describedBy(fieldId('absentFrom'), errors().absentFrom)} type="date" value={values().absentFrom} onInput={set('absentFrom')} />
            </Field>
            <Field id={fieldId('absentUntil')} label={t('people.absentUntil')} error={errors().absentUntil}>
              <input {...describedBy(fieldId('absentUntil'), errors().absentUntil)} type="date" value={values().absentUntil} onInput={set('absentUntil')} />
            </Field>
          </fieldset>
          <div class="row">
            <button type="submit">{t('common.save')}</button>
            <button type="button" class="secondary" onClick={() => setFormOpen(false)}>{t('common.cancel')}</button>
          </div>
        </form>
      </Show>
      <Show when={(people() ?? []).length > 0} fallback={<p>{people.loading ? t('common.loading') : t('people.empty')}</p>}>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('people.employeeNo')}</th><th scope="col">{t('people.fullName')}</th><th scope="col">{t('people.position')}</th><th scope="col">{t('people.unit')}</th>
                <th scope="col">{t('people.category')}</th><th scope="col">{t('people.manager')}</th><th scope="col">{t('people.form')}</th><th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={filtered()}>
                {(p) => (
                  <tr>
                    <td class="small">{p.employeeNo ?? t('common.none')}</td>
                    <td>
                      {p.fullName}
                      <Show when={p.absence}>{(a) => <span class="small muted"> · {t(`absence.${a()}` as `absence.${(typeof ABSENCES)[number]}`)}</span>}</Show>
                    </td>
                    <td>{p.position}</td><td>{p.unitName}</td><td>{p.category}</td>
                    <td>{p.managerName ?? t('common.none')}</td>
                    <td class="small">{t(`form.${formKeyForCategory(methodology, p.category)}`)}</td>
                    <td class="row">
                      <button type="button" class="secondary" onClick={() => open(p)} aria-label={`${t('common.edit')}: ${p.fullName}`}>{t('common.edit')}</button>
                      <button type="button" class="danger" onClick={() => void remove(p)} aria-label={`${t('common.delete')}: ${p.fullName}`}>{t('common.delete')}</button>
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
