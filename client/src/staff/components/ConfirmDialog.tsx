import { createUniqueId, onCleanup, onMount } from 'solid-js';
import { t } from '../../common/i18n.ts';
import './confirmDialog.css';

/**
 * Asks before a step that cannot be undone, saying what will happen. A native modal <dialog>: the rest of the
 * page is inert, Cancel has the focus (the safe choice), Escape cancels, and focus returns where it was.
 */
export function ConfirmDialog(props: { title: string; body: string; confirmLabel: string; onConfirm: () => void; onCancel: () => void }) {
  const id = createUniqueId();
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  let dialog!: HTMLDialogElement;
  let cancel!: HTMLButtonElement;
  onMount(() => {
    dialog.showModal();
    cancel.focus();
  });
  onCleanup(() => {
    // Closed first: while a modal dialog is open, the rest of the page is inert and cannot take the focus.
    dialog.close();
    if (opener?.isConnected) opener.focus();
  });
  return (
    <dialog
      ref={dialog}
      class="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        // Escape: answer "no" ourselves, so that the dialog closes the same way as with the Cancel button.
        event.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{props.title}</h2>
      <p id={`${id}-body`}>{props.body}</p>
      <div class="row confirm-actions">
        <button ref={cancel} type="button" class="secondary" onClick={() => props.onCancel()}>{t('common.cancel')}</button>
        <button type="button" onClick={() => props.onConfirm()}>{props.confirmLabel}</button>
      </div>
    </dialog>
  );
}
