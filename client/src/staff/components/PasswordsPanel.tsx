import { For } from 'solid-js';
import { saveFile } from '../../common/download.ts';
import { t } from '../../common/i18n.ts';
import { spreadsheetCsv } from '../spreadsheetCsv.ts';

export interface IssuedPassword {
  login: string;
  fullName: string;
  password: string;
}

/** Freshly generated passwords: shown once, to hand out or download, since only their hashes are kept. */
export function PasswordsPanel(props: { passwords: IssuedPassword[]; fileName: string; onClose: () => void }) {
  const download = () => {
    const csv = spreadsheetCsv(
      [t('accounts.fullName'), t('accounts.login'), t('accounts.password')],
      props.passwords.map((p) => [p.fullName, p.login, p.password]),
    );
    saveFile(new Blob([csv], { type: 'text/csv;charset=utf-8' }), props.fileName);
  };

  return (
    <section class="card" aria-labelledby="passwords-title" tabindex="-1" id="passwords">
      <h2 id="passwords-title">{t('accounts.passwordsTitle')}</h2>
      <p class="warning">{t('accounts.passwordsOnce')}</p>
      <div class="table-wrap">
        <table>
          <thead><tr><th scope="col">{t('accounts.fullName')}</th><th scope="col">{t('accounts.login')}</th><th scope="col">{t('accounts.password')}</th></tr></thead>
          <tbody>
            <For each={props.passwords}>
              {(p) => (
                <tr data-testid="issued-password">
                  <td>{p.fullName}</td><td>{p.login}</td>
                  <td><input readonly aria-label={`${t('accounts.password')}: ${p.login}`} value={p.password} class="links-text" onFocus={(e) => e.currentTarget.select()} /></td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <div class="toolbar">
        <button type="button" onClick={download}>{t('accounts.download')}</button>
        <button type="button" class="secondary" onClick={() => props.onClose()}>{t('common.close')}</button>
      </div>
    </section>
  );
}
