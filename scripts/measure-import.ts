import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { connect } from '../db/connect.ts';
import { applyImport, exportStaff, fileDigest, previewImport } from '../server/services/staffImport.ts';
import { generateStaff, xlsxOf } from '../test/support/staffFile.ts';

// Times preview, apply, a re-import preview and the export of a generated staff list on a fresh SQLite file:
//   npx tsx scripts/measure-import.ts [rows=5000]
const count = Number(process.argv[2] ?? 5000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-measure-'));
const { db } = await connect(`sqlite:${path.join(dir, 'measure.sqlite')}`);
const time = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  const result = await run();
  console.log(`${label.padEnd(28)} ${(performance.now() - start).toFixed(0).padStart(6)} ms`);
  return result;
};
const file = await time(`generate ${count}-row XLSX`, () => xlsxOf(generateStaff(count)));
console.log(`file size                    ${(file.length / 1024).toFixed(0).padStart(6)} KiB`);
const preview = await time('preview (empty database)', () => previewImport(db, file));
const applied = await time('apply', () => applyImport(db, file, fileDigest(file), 'measure-import'));
const again = await time('preview again (all matched)', () => previewImport(db, file));
const promoted = await xlsxOf(generateStaff(count).map((line) => ({ ...line, Должность: `${line['Должность']} (2026)` })));
const updated = await time('apply with every row changed', () => applyImport(db, promoted, fileDigest(promoted), 'measure-import'));
const exported = await time('export XLSX', () => exportStaff(db, 'ru'));
const roundTrip = await time('preview of the export', () => previewImport(db, exported));
console.log({ preview: preview.counts, applied: applied.applied, updated: updated.applied, again: again.counts, roundTrip: roundTrip.counts, units: applied.newUnits.length });
await db.destroy();
fs.rmSync(dir, { recursive: true, force: true });
