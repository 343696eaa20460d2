import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import type { ReleasedCampaign } from '../../../../db/repositories/training.ts';
import { api, errorText } from '../../common/api.ts';
import { t } from '../../common/i18n.ts';

/** Training needs, step one: the closed and archived campaigns whose results they are read from. */
export function TrainingCampaignsPage() {
  const [campaigns] = createResource(async () => (await api<{ campaigns: ReleasedCampaign[] }>('GET', '/training')).campaigns);
  return (
    <>
      <h1>{t('training.title')}</h1>
      <p class="muted">{t('training.intro')}</p>
      <Show when={campaigns.error}><p class="alert" role="alert">{errorText(campaigns.error)}</p></Show>
      <Show when={campaigns()} fallback={<Show when={campaigns.loading}><p role="status">{t('common.loading')}</p></Show>}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p>{t('training.noCampaigns')}</p>}>
            <ul class="training-campaigns">
              <For each={list()}>
                {(c) => (
                  <li>
                    <A href={`/training/${c.id}`}>{t('training.campaign', { name: c.name, year: c.year })}</A>{' '}
                    <span class="badge">{t(c.status === 'archived' ? 'status.archived' : 'status.closed')}</span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </>
  );
}
