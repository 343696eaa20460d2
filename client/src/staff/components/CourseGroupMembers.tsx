import { createResource, createSignal, For, Show } from 'solid-js';
import { COURSE_GROUP_PAGE } from '../../../../shared/schemas/training.ts';
import { api, errorText } from '../../common/api.ts';
import { t } from '../../common/i18n.ts';

export interface Member {
  fullName: string;
  position: string;
  unitName: string;
}

/**
 * A course group's names a page at a time: a group of a national campaign holds tens of thousands. The first
 * page comes with the group; the others are asked for as the reader moves on.
 */
export function CourseGroupMembers(props: { campaignId: string; competencyId: string; criterion: string; count: number; firstPage: Member[] }) {
  const [offset, setOffset] = createSignal(0);
  const [page] = createResource(
    () => ({ offset: offset(), criterion: props.criterion }),
    async ({ offset: from, criterion }) => {
      if (from === 0) return props.firstPage;
      const query = `criterion=${encodeURIComponent(criterion)}&offset=${from}&limit=${COURSE_GROUP_PAGE}`;
      return (await api<{ members: Member[] }>('GET', `/training/${props.campaignId}/groups/${props.competencyId}?${query}`)).members;
    },
  );
  const members = () => page.latest ?? [];
  const last = () => Math.min(offset() + members().length, props.count);
  return (
    <>
      <Show when={page.error}><p class="alert" role="alert">{errorText(page.error)}</p></Show>
      <div class="table-wrap">
        <table aria-busy={page.loading}>
          <thead><tr><th scope="col">{t('training.member')}</th><th scope="col">{t('training.position')}</th><th scope="col">{t('training.unit')}</th></tr></thead>
          <tbody>
            <For each={members()}>{(m) => <tr data-testid="member"><td>{m.fullName}</td><td>{m.position}</td><td>{m.unitName}</td></tr>}</For>
          </tbody>
        </table>
      </div>
      <Show when={props.count > COURSE_GROUP_PAGE}>
        <nav class="pager" aria-label={t('training.pages')}>
          <button type="button" class="secondary" disabled={offset() === 0 || page.loading} onClick={() => setOffset(Math.max(0, offset() - COURSE_GROUP_PAGE))}>{t('training.previousPage')}</button>
          <span role="status" data-testid="page-range">{t('training.pageRange', { from: offset() + 1, to: last(), count: props.count })}</span>
          <button type="button" class="secondary" disabled={offset() + COURSE_GROUP_PAGE >= props.count || page.loading} onClick={() => setOffset(offset() + COURSE_GROUP_PAGE)}>{t('training.nextPage')}</button>
        </nav>
      </Show>
    </>
  );
}
