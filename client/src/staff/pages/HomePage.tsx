import { A, Navigate } from '@solidjs/router';
import { Show } from 'solid-js';
import { landingPath } from '../../../../shared/access/navigation.ts';
import { t } from '../../common/i18n.ts';
import { user } from '../session.ts';

/** The start page depends on the role: HR on campaigns, a trainer on training needs, a staff member on their reports. */
export function HomePage() {
  return <Show when={user()}>{(u) => <Navigate href={landingPath(u())} />}</Show>;
}

export function NotFoundPage() {
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p><A href="/">{t('notFound.home')}</A></p>
    </>
  );
}
