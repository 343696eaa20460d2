import { A, useLocation, useNavigate } from '@solidjs/router';
import { createEffect, Show, type ParentProps } from 'solid-js';
import { canKeepAccounts } from '../../../shared/access/accountRules.ts';
import { hasOwnReports, mayOpenScreen } from '../../../shared/access/navigation.ts';
import { canReadAudit, canRunCampaigns } from '../../../shared/access/roles.ts';
import { seesTrainingNeeds } from '../../../shared/access/trainingAccess.ts';
import { t } from '../common/i18n.ts';
import { LanguageSwitch } from '../common/LanguageSwitch.tsx';
import { signOut, user } from './session.ts';

export function Layout(props: ParentProps) {
  const navigate = useNavigate();
  const location = useLocation();
  createEffect(() => {
    if (user() === null && location.pathname !== '/login') navigate(`/login?next=${encodeURIComponent(location.pathname)}`, { replace: true });
  });
  return (
    <>
      <a class="skip-link" href="#main">{t('app.skipToContent')}</a>
      <header class="topbar">
        <A href="/" class="brand">{t('app.name')}</A>
        <Show when={user()}>
          {(u) => (
            <nav aria-label={t('app.name')}>
              <Show when={canRunCampaigns(u().role)}>
                <A href="/campaigns">{t('nav.campaigns')}</A>
                <A href="/people">{t('nav.people')}</A>
                <A href="/units">{t('nav.units')}</A>
                <A href="/import">{t('nav.import')}</A>
                <A href="/calendar">{t('nav.calendar')}</A>
              </Show>
              <Show when={seesTrainingNeeds(u().role)}>
                <A href="/training">{t('nav.training')}</A>
              </Show>
              <Show when={hasOwnReports(u())}>
                <A href="/my/reports">{t('nav.myReports')}</A>
              </Show>
              <Show when={canKeepAccounts(u().role)}>
                <A href="/accounts">{t('nav.accounts')}</A>
              </Show>
              <Show when={canReadAudit(u().role)}>
                <A href="/audit">{t('nav.audit')}</A>
              </Show>
              <span class="who">{t('nav.signedInAs', { name: u().fullName })}</span>
              <A href="/my/account">{t('nav.myAccount')}</A>
              <button type="button" class="secondary" onClick={() => void signOut()}>{t('nav.signOut')}</button>
            </nav>
          )}
        </Show>
        <LanguageSwitch />
      </header>
      <main id="main" class="page" tabindex="-1">
        <Show when={user() !== undefined || location.pathname === '/login'} fallback={<p role="status">{t('common.loading')}</p>}>
          <Show when={!user() || mayOpenScreen(user()!, location.pathname)} fallback={<p class="alert" role="alert">{t('errors.auth.forbidden')}</p>}>
            {props.children}
          </Show>
        </Show>
      </main>
    </>
  );
}
