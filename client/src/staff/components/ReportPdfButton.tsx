import { createSignal, Show } from 'solid-js';
import { errorText } from '../../common/api.ts';
import { downloadFile } from '../../common/download.ts';
import { locale, t } from '../../common/i18n.ts';

/** One report as a PDF printed by the server (A4, sharp chart), in the reader's language. */
export function ReportPdfButton(props: { evaluationId: string }) {
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const download = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await downloadFile(`/evaluations/${props.evaluationId}/report.pdf?lang=${locale()}`, 'report.pdf');
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" disabled={busy()} aria-busy={busy()} onClick={() => void download()}>
        {busy() ? t('reportPdf.preparing') : t('reportPdf.download')}
      </button>
      <Show when={failure()}><p class="alert" role="alert">{errorText(failure())}</p></Show>
    </>
  );
}
