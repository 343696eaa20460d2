import { createRoot, createSignal } from 'solid-js';
import type { printSheets } from '../../../server/services/sheets.ts';

/** The last issued invitation sheets, held in memory only: their links exist nowhere else. */
export type SheetBatch = Awaited<ReturnType<typeof printSheets>> & { campaignId: string };

const [sheetBatch, setSheetBatch] = createRoot(() => createSignal<SheetBatch | null>(null));
export { sheetBatch, setSheetBatch };
