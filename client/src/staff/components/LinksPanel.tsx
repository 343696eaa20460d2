import { createSignal, For, Show } from 'solid-js';
import type { Relation } from '../../../../shared/rules/respondentRelation.ts';
import { saveFile } from '../../common/download.ts';
import { t } from '../../common/i18n.ts';
import { spreadsheetCsv } from '../spreadsheetCsv.ts';

export interface IssuedLink {
  invitationId: string;
  respondentName: string;
  evaluatedName: string;
  relation: string;
  url: string;
}

/** Freshly issued links: shown once, to copy or download, since only their hashes are kept. */
export function LinksPanel(props: { links: IssuedLink[]; fileName: string; onClose: () => void }) {
  const [copied, setCopied] = createSignal(false);
  const relation = (r: string) => t(`relation.${r as Relation}`);
  const asText = () => props.links.map((l) => `${l.respondentName}\t${l.evaluatedName}\t${relation(l.relation)}\t${l.url}`).join('\n');

  const download = () => {
    const csv = spreadsheetCsv(
      [t('links.respondent'), t('links.evaluated'), t('links.relation'), t('links.link')],
      props.links.map((l) => [l.respondentName, l.evaluatedName, relation(l.relation), l.url]),
    );
    saveFile(new Blob([csv], { type: 'text/csv;charset=utf-8' }), props.fileName);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(asText());
      setCopied(true);
    } catch {
      (document.getElementById('links-text') as HTMLTextAreaElement | null)?.select();
    }
  };

  return (
    <section class="card" aria-labelledby="links-title">
      <h2 id="links-title">{t('links.title')}</h2>
      <Show when={props.links.length > 0} fallback={<p>{t('links.none')}</p>}>
        <p class="warning">{t('links.once')}</p>
        <p class="notice small">{t('links.held')}</p>
        <div class="toolbar">
          <button type="button" onClick={download}>{t('links.download')}</button>
          <button type="button" class="secondary" onClick={() => void copy()}>{copied() ? t('links.copied') : t('links.copy')}</button>
        </div>
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">{t('links.respondent')}</th><th scope="col">{t('links.evaluated')}</th><th scope="col">{t('links.relation')}</th><th scope="col">{t('links.link')}</th></tr></thead>
            <tbody>
              <For each={props.links}>
                {(l) => (
                  <tr>
                    <td>{l.respondentName}</td><td>{l.evaluatedName}</td><td>{relation(l.relation)}</td>
                    <td><input readonly aria-label={`${t('links.link')}: ${l.respondentName}`} value={l.url} class="links-text" onFocus={(e) => e.currentTarget.select()} /></td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <label for="links-text" class="visually-hidden">{t('links.title')}</label>
        <textarea id="links-text" class="links-text visually-hidden" readonly value={asText()} />
      </Show>
      <button type="button" class="secondary" onClick={() => props.onClose()}>{t('common.close')}</button>
    </section>
  );
}
