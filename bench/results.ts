import fs from 'node:fs';
import os from 'node:os';

/**
 * One figure of the bench: the product's value and, measured in the same run on the same machine, a baseline's;
 * their ratio is the figure that means something on a shared machine. `better` says which way is good.
 */
export interface BenchRow {
  measurement: string;
  figure: string;
  unit: string;
  product: number | null;
  baseline: number | null;
  better: 'higher' | 'lower';
  /** What the baseline is, in a phrase. */
  baselineMeaning: string;
  /** The goal, if any, and whether this run met it. */
  target?: { text: string; met: boolean };
  /** Why there is no figure (e.g. PostgreSQL unreachable). */
  skipped?: string;
}

export interface BenchReport {
  startedAt: string;
  seconds: number;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  options: Record<string, unknown>;
  rows: Array<BenchRow & { ratio: number | null }>;
}

/** Product ÷ baseline, or null when either is missing. */
export const ratioOf = (row: BenchRow): number | null =>
  row.product === null || row.baseline === null || row.baseline === 0 ? null : row.product / row.baseline;

export function benchReport(startedAt: Date, options: Record<string, unknown>, rows: BenchRow[]): BenchReport {
  return {
    startedAt: startedAt.toISOString(),
    seconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.type()} ${os.release()}`,
    },
    options,
    rows: rows.map((row) => ({ ...row, ratio: ratioOf(row) })),
  };
}

const figure = (value: number | null, unit: string): string => {
  if (value === null) return '–';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;
};

/** The report as a plain-text table, then what each baseline is. */
export function formatTable(report: BenchReport): string {
  const header = ['measurement', 'figure', 'product', 'baseline', 'ratio', 'target'];
  const lines = report.rows.map((row) => [
    row.measurement,
    row.figure,
    row.skipped ? `skipped: ${row.skipped}` : figure(row.product, row.unit),
    row.skipped ? '' : figure(row.baseline, row.unit),
    row.ratio === null ? '–' : `${row.ratio.toFixed(2)} (${row.better} is better)`,
    row.target ? `${row.target.text}: ${row.target.met ? 'met' : 'NOT met'}` : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' │ ').trimEnd();
  // Each baseline once, with the figures it stands beside.
  const baselines = new Map<string, { measurement: string; figures: string[]; meaning: string }>();
  for (const row of report.rows.filter((r) => r.baselineMeaning)) {
    const key = `${row.measurement}\n${row.baselineMeaning}`;
    const entry = baselines.get(key) ?? { measurement: row.measurement, figures: [], meaning: row.baselineMeaning };
    entry.figures.push(row.figure);
    baselines.set(key, entry);
  }
  return [
    format(header),
    widths.map((w) => '─'.repeat(w)).join('─┼─'),
    ...lines.map(format),
    '',
    'Baselines (ratio = product ÷ baseline, both measured in this run on this machine):',
    ...[...baselines.values()].map((b) => `  ${b.measurement} (${b.figures.join('; ')}): ${b.meaning}`),
    '',
    `${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.memoryGb} GB, Node ${report.machine.node}; ${report.seconds} s in all.`,
  ].join('\n');
}

export function writeReport(file: string, report: BenchReport): void {
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
