import { A, useParams } from '@solidjs/router';
import { For, onCleanup, Show } from 'solid-js';
import { translate } from '../../../../shared/i18n/translate.ts';
import { formatLongDate } from '../../../../shared/i18n/dates.ts';
import { aboutKey, MESSAGE_LOCALES } from '../../../../shared/invitations/message.ts';
import { t } from '../../common/i18n.ts';
import { sheetBatch, setSheetBatch, type SheetBatch } from '../sheetStore.ts';
import './sheets.css';

type Sheet = SheetBatch['sheets'][number];

/** One A4 sheet: the same facts as the e-mail, Kazakh then Russian, with the link as text and as a QR code. */
function InvitationSheet(props: { sheet: Sheet; campaign: SheetBatch['campaign'] }) {
  const isSelf = () => props.sheet.relation === 'self';
  return (
    <article class="sheet" aria-label={`${t('sheets.title')}: ${props.sheet.respondentName}`} data-testid="sheet">
      <For each={MESSAGE_LOCALES}>
        {(locale) => <h2 lang={locale}>{translate(locale, 'sheet.heading')}</h2>}
      </For>
      <p class="sheet-to">
        {translate('kk', 'sheet.to')} / {translate('ru', 'sheet.to')}: {props.sheet.respondentName}
      </p>
      <div class="sheet-langs">
        <For each={MESSAGE_LOCALES}>
          {(locale) => (
            <section lang={locale}>
              <p>{translate(locale, aboutKey('invitation', isSelf()), { campaign: props.campaign.name, name: props.sheet.evaluatedName })}</p>
              <p><strong>{translate(locale, 'mail.deadline', { date: formatLongDate(locale, props.campaign.deadline) })}</strong></p>
              <p>{translate(locale, 'respond.anonymity')}</p>
              <p>{translate(locale, 'mail.personal')}</p>
            </section>
          )}
        </For>
      </div>
      <figure class="sheet-qr">
        <img src={props.sheet.qr} alt={`${translate('kk', 'sheet.qrAlt')} / ${translate('ru', 'sheet.qrAlt')}`} width="200" height="200" />
        <figcaption>
          <For each={MESSAGE_LOCALES}>{(locale) => <span lang={locale}>{translate(locale, 'sheet.scan')}</span>}</For>
          <code class="sheet-url">{props.sheet.url}</code>
        </figcaption>
      </figure>
    </article>
  );
}

/** The sheets just issued, to print. Leaving the page forgets them: re-issuing makes new links. */
export default function SheetsPage() {
  const params = useParams<{ id: string }>();
  const batch = () => {
    const b = sheetBatch();
    return b && b.campaignId === params.id ? b : null;
  };
  onCleanup(() => setSheetBatch(null));
  return (
    <Show
      when={batch()}
      fallback={
        <>
          <h1>{t('sheets.title')}</h1>
          <p class="notice">{t('sheets.gone')}</p>
          <p><A href={`/campaigns/${params.id}`}>← {t('campaign.back')}</A></p>
        </>
      }
    >
      {(b) => (
        <div class="sheets">
          <div class="no-print">
            <p><A href={`/campaigns/${params.id}`}>← {b().campaign.name}</A></p>
            <h1>{t('sheets.title')}</h1>
            <Show when={b().sheets.length > 0} fallback={<p>{t('sheets.none')}</p>}>
              <p class="warning">{t('sheets.once')}</p>
              <p class="notice small">{t('links.held')}</p>
              <p><button type="button" onClick={() => window.print()}>{t('sheets.print')}</button></p>
            </Show>
          </div>
          <For each={b().sheets}>{(sheet) => <InvitationSheet sheet={sheet} campaign={b().campaign} />}</For>
        </div>
      )}
    </Show>
  );
}
