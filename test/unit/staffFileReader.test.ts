import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StaffFileReader } from '../../server/staffImport/staffFileReader.ts';
import { StaffTableError } from '../../shared/staffImport/table.ts';
import { csvOf, generateStaff, xlsxOf } from '../support/staffFile.ts';

const codeOf = (promise: Promise<unknown>) =>
  promise.then(() => 'read', (e: unknown) => (e instanceof StaffTableError ? `${e.code} ${e.details.max}` : String(e)));
const tiny = new TextEncoder().encode(csvOf(generateStaff(2)));

/** This process's living children that run the reading process. */
function readingProcesses(): string[] {
  return fs.readdirSync('/proc').filter((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return state !== 'Z' && Number(parent) === process.pid && fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('staffFileProcess');
    } catch {
      return false;
    }
  });
}

/** The reading processes started since `before` that are still there, once any killed ones have had a moment to go. */
async function leftSince(before: readonly string[]): Promise<string[]> {
  const left = () => readingProcesses().filter((pid) => !before.includes(pid));
  for (let waited = 0; left().length > 0 && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  return left();
}

// README, Staff list files: a file is read in a process of its own, within a heap bound and a time bound; a
// file past either is refused (413), and the process that read it ends.
describe('the staff file reader’s bounds', () => {
  it('refuses a file not read within the time bound and kills the process reading it', async () => {
    // A millisecond: no process starts, let alone answers, that fast.
    const reader = new StaffFileReader({ memoryMb: 128, seconds: 0.001 });
    const before = readingProcesses();
    expect(await codeOf(reader.read(tiny))).toBe('import.tooSlow 0.001');
    expect(await leftSince(before)).toEqual([]);
  });

  it('refuses a file whose reading fills the heap bound, and reads the next file in a new process', async () => {
    // 20,000 rows take some 30 MB to read, more than the process has left under 24 MB.
    const reader = new StaffFileReader({ memoryMb: 24, seconds: 60 });
    const file = new Uint8Array(await xlsxOf(generateStaff(20000)));
    const before = readingProcesses();
    expect(await codeOf(reader.read(file))).toBe('import.tooMuchMemory 24');
    expect(await leftSince(before)).toEqual([]);
    expect((await reader.read(tiny)).rows).toHaveLength(2);
  }, 60_000);

  it('refuses a file that is no staff list as the reading says, and keeps its process for the next', async () => {
    const reader = new StaffFileReader();
    const before = readingProcesses();
    expect(await codeOf(reader.read(new TextEncoder().encode('hello world')))).toBe('import.noHeader undefined');
    const reading = readingProcesses().filter((pid) => !before.includes(pid));
    expect(reading).toHaveLength(1);
    expect((await reader.read(tiny)).rows).toHaveLength(2);
    expect(readingProcesses().filter((pid) => !before.includes(pid))).toEqual(reading);
  });
});
