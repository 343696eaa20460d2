import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { ImportColumn } from '../../../../shared/staffImport/columns.ts';
import { ROW_KINDS, type FieldChange, type ImportPreview, type ImportResult, type PreviewRow, type RowIssue, type RowKind } from '../../../../shared/staffImport/preview.ts';
import { ApiFailure, errorText } from '../../common/api.ts';
import { t } from '../../common/i18n.ts';
import { describedBy, Field } from '../components/Field.tsx';
import { applyStaffFile, previewStaffFile } from '../staffImportApi.ts';
import './import.css';

const columnName = (column: ImportColumn) => t(`staffImport.column.${column}`);

function issueText(issue: RowIssue): string {
  const { code, column, ...params } = issue;
  return t(`staffImport.reason.${code}`, { ...params, ...(column && { column: columnName(column) }) });
}

function changeText(change: FieldChange): string {
  const shown = (value: string | null) => {
    if (value === null) return t('common.none');
    return change.column === 'absence' ? t(`absence.${value}` as 'absence.leave') : value;
  };
  return t('staffImport.change', { column: columnName(change.column), before: shown(change.before), after: shown(change.after) });
}

/** The refusal of a whole file; missing columns are named in the reader's language. */
function fileErrorText(error: unknown): string {
  if (error instanceof ApiFailure && error.code === 'import.missingColumns' && typeof error.details.keys === 'string') {
    const columns = error.details.keys.split(',').map((k) => columnName(k as ImportColumn)).join(', ');
    return t('errors.import.missingColumns', { columns });
  }
  return errorText(error);
}

export function ImportPage() {
  const [file, setFile] = createSignal<File | null>(null);
  const [preview, setPreview] = createSignal<ImportPreview | null>(null);
  const [result, setResult] = createSignal<ImportResult | null>(null);
  const [fileError, setFileError] = createSignal<string | undefined>();
  const [failure, setFailure] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal<'reading' | 'applying' | null>(null);
  const [kind, setKind] = createSignal<RowKind | ''>('');

  const shown = createMemo(() => (preview()?.rows ?? []).filter((r) => !kind() || r.kind === kind()));
  const applicable = () => (preview()?.counts.create ?? 0) + (preview()?.counts.update ?? 0);

  const read = async (event: Event) => {
    event.preventDefault();
    const chosen = file();
    setFailure(null);
    setResult(null);
    setFileError(chosen ? undefined : t('field.required'));
    if (!chosen) return;
    setBusy('reading');
    try {
      setPreview(await previewStaffFile(chosen));
      setKind('');
    } catch (error) {
      setPreview(null);
      setFileError(fileErrorText(error));
    } finally {
      setBusy(null);
    }
  };

  const apply = async () => {
    const chosen = file();
    const current = preview();
    if (!chosen || !current) return;
    setBusy('applying');
    setFailure(null);
    try {
      const done = await applyStaffFile(chosen, current.digest);
      setResult(done);
      setPreview(done);
      queueMicrotask(() => document.getElementById('import-result')?.focus());
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <h1>{t('staffImport.title')}</h1>
      <p>{t('staffImport.intro')}</p>
      <form class="card" onSubmit={read} novalidate>
        <Field id="import-file" label={t('staffImport.file')} hint={t('staffImport.fileHint')} error={fileError()}>
          <input
            {...describedBy('import-file', fileError(), true)}
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setPreview(null);
              setResult(null);
              setFileError(undefined);
            }}
          />
        </Field>
        <button type="submit" disabled={busy() !== null}>{busy() === 'reading' ? t('staffImport.reading') : t('staffImport.preview')}</button>
      </form>

      <Show when={result()}>
        {(r) => (
          <div class="notice" id="import-result" role="status" tabindex="-1">
            <p>{t('staffImport.applied', r().applied)}</p>
            <Show when={r().applied.skipped > 0}><p>{t('staffImport.appliedHint')}</p></Show>
            <p><A href="/people">{t('nav.people')}</A></p>
          </div>
        )}
      </Show>
      <Show when={failure()}><p class="alert" role="alert">{errorText(failure())}</p></Show>

      <Show when={preview()}>
        {(p) => (
          <section aria-labelledby="preview-title">
            <h2 id="preview-title">{t('staffImport.preview')}</h2>
            <p>{t('staffImport.summary', { rows: p().rows.length, file: file()?.name ?? '' })}</p>
            <ul class="import-counts">
              <For each={ROW_KINDS}>{(k) => <li><span class={`badge kind-${k}`}>{t(`staffImport.kind.${k}`)}</span> {p().counts[k]}</li>}</For>
            </ul>
            <Show when={p().unknownColumns.length > 0}>
              <p class="warning">{t('staffImport.unknownColumns', { columns: p().unknownColumns.join(', ') })}</p>
            </Show>
            <Show when={!result() && p().newUnits.length > 0}>
              <p class="notice">{t('staffImport.newUnits', { units: p().newUnits.join('; ') })}</p>
            </Show>
            <Show when={p().notInFile.length > 0}>
              <details class="card">
                <summary>{t('staffImport.notInFile', { count: p().notInFile.length })}</summary>
                <ul>
                  <For each={p().notInFile}>{(n) => <li>{n.fullName}{n.employeeNo ? ` (${n.employeeNo})` : ''} — {n.unit}</li>}</For>
                </ul>
              </details>
            </Show>
            <Show when={!result()}>
              <div class="toolbar">
                <button type="button" onClick={() => void apply()} disabled={busy() !== null || applicable() === 0}>
                  {busy() === 'applying' ? t('staffImport.applying') : t('staffImport.apply')}
                </button>
                <Show when={applicable() === 0}><span class="muted">{t('staffImport.nothingToApply')}</span></Show>
              </div>
            </Show>
            <div class="toolbar">
              <label for="import-filter">{t('staffImport.filter')}</label>
              <select id="import-filter" class="field-medium" value={kind()} onChange={(e) => setKind(e.currentTarget.value as RowKind | '')}>
                <option value="">{t('staffImport.filterAll', { count: p().rows.length })}</option>
                <For each={ROW_KINDS}>{(k) => <option value={k}>{`${t(`staffImport.kind.${k}`)} (${p().counts[k]})`}</option>}</For>
              </select>
            </div>
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col" class="num">{t('staffImport.row')}</th><th scope="col">{t('staffImport.result')}</th>
                    <th scope="col">{t('people.fullName')}</th><th scope="col">{t('people.unit')}</th><th scope="col">{t('staffImport.details')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={shown()}>{(row) => <PreviewLine row={row} />}</For>
                </tbody>
              </table>
            </div>
          </section>
        )}
      </Show>
    </>
  );
}

function PreviewLine(props: { row: PreviewRow }) {
  return (
    <tr data-testid="import-row" data-kind={props.row.kind}>
      <td class="num">{props.row.row}</td>
      <td><span class={`badge kind-${props.row.kind}`}>{t(`staffImport.kind.${props.row.kind}`)}</span></td>
      <td>{props.row.fullName}<Show when={props.row.employeeNo}><span class="small muted"> · {props.row.employeeNo}</span></Show></td>
      <td class="small">{props.row.unit}</td>
      <td class="small">
        <Show when={props.row.issues.length > 0 || props.row.changes.length > 0}>
          <ul class="plain">
            <For each={props.row.issues}>{(issue) => <li class="error-text">{issueText(issue)}</li>}</For>
            <For each={props.row.changes}>{(change) => <li>{changeText(change)}</li>}</For>
          </ul>
        </Show>
      </td>
    </tr>
  );
}
