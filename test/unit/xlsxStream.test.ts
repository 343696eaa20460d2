import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { xlsxStream } from '../../server/training/xlsxStream.ts';

describe('a streamed XLSX workbook', () => {
  it('reads back as written: sheets, strings, numbers, formats, empty cells, and text XML would choke on', async () => {
    const file = xlsxStream([
      { name: 'Бірінші', frozenRows: 1, columnWidths: [20, 10], rows: [[{ value: 'Аты-жөні', bold: true }, { value: 'Балл', bold: true }], ['Әлия <&> "Q"', { value: 3.5, decimals: true, fill: '#fcecaa' }], [' spaced ', null, 7]] },
      { name: 'Second', columnWidths: [6], rows: [['x\u0001y']] },
    ]);
    const sheets = await readXlsxFile(Buffer.from(await new Response(file).arrayBuffer()), { trim: false });
    expect(sheets.map((s) => s.sheet)).toEqual(['Бірінші', 'Second']);
    expect(sheets[0]!.data).toEqual([
      ['Аты-жөні', 'Балл', null],
      ['Әлия <&> "Q"', 3.5, null],
      [' spaced ', null, 7],
    ]);
    expect(sheets[1]!.data).toEqual([['xy']]);
  });

  it('sends compressed bytes while its rows are still being read, and holds none of them whole', async () => {
    let produced = 0;
    let producedAtFirstChunk = -1;
    async function* rows() {
      for (; produced < 50_000; produced++) yield [`Қызметкер ${produced}`, 'Маман', `Бөлім ${produced % 97}`, produced];
    }
    const reader = xlsxStream([{ name: 'Big', columnWidths: [30, 20, 20, 10], rows: rows() }]).getReader();
    const chunks: Uint8Array[] = [];
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (producedAtFirstChunk < 0) producedAtFirstChunk = produced;
      chunks.push(chunk.value);
    }
    // The package's first parts go out before a single row is made; the sheet goes out piece by piece.
    expect(producedAtFirstChunk).toBeLessThan(1000);
    expect(chunks.length).toBeGreaterThan(20);
    const data = (await readXlsxFile(Buffer.concat(chunks)))[0]!.data;
    expect(data).toHaveLength(50_000);
    expect(data[49_999]).toEqual(['Қызметкер 49999', 'Маман', 'Бөлім 44', 49999]);
  });
});
