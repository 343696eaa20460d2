import { Show } from 'solid-js';
import { offersSecondFactor } from '../../../../shared/access/secondFactor.ts';
import type { Role } from '../../../../shared/access/roles.ts';
import { t } from '../../common/i18n.ts';
import { PasswordChangeForm } from '../components/PasswordChangeForm.tsx';
import { SecondFactorPanel } from '../components/SecondFactorPanel.tsx';
import { user } from '../session.ts';

/** Every account's own page: its password, and for HR and administrators an optional second factor. */
export function MyAccountPage() {
  return (
    <Show when={user()}>
      {(u) => (
        <>
          <h1>{t('myAccount.title')}</h1>
          <dl class="card facts">
            <dt>{t('myAccount.login')}</dt><dd>{u().login}</dd>
            <dt>{t('myAccount.role')}</dt><dd>{t(`role.${u().role as Role}`)}</dd>
          </dl>
          <PasswordChangeForm login={u().login} />
          <Show when={offersSecondFactor(u().role)}>
            <SecondFactorPanel on={u().secondFactor} />
          </Show>
        </>
      )}
    </Show>
  );
}
