import { For } from 'solid-js';
import ReportPage from './ReportPage.tsx';
import './reportsPrint.css';

/**
 * Several reports on one page, each starting on a new sheet: what the server prints as one PDF. The ids come
 * in the fragment (/reports/print#id,id,…), which never reaches the server whatever the batch's size.
 */
export default function ReportsPrintPage() {
  const ids = location.hash.slice(1).split(',').filter(Boolean).map(decodeURIComponent);
  return (
    <div class="report-batch">
      <For each={ids}>{(id) => <section class="report-sheet"><ReportPage eid={id} /></section>}</For>
    </div>
  );
}
