import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// What a deployment's environment might hold that would point the child elsewhere than the bench wants.
const INHERITED_OUT = ['DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST', 'SMTP_URL', 'MAIL_FROM', 'PUBLIC_URL', 'TRUST_PROXY'];

export interface ServerChild {
  /** http://127.0.0.1:<port> */
  origin: string;
  pid: number;
  /** The process's resident set now and at its peak so far (VmRSS, VmHWM), in bytes. */
  memory: () => { rss: number; peakRss: number };
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Runs a server entry (`server/main.ts`, or a baseline) as one Node process of its own — `node --import tsx`,
 * not the tsx launcher, which would put a second process in between — so that it has a core to itself
 * against the load generator and its memory is its own. The entry must print `listens on http://localhost:<port>`.
 */
export async function startServerChild(entry: string, env: Record<string, string>): Promise<ServerChild> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !INHERITED_OUT.includes(name)));
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...base, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pid = child.pid!;

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start within 60 s:\n${output}`)), 60_000);
    const watch = () => {
      const match = /listens on http:\/\/localhost:(\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', watch);
      resolve(Number(match[1]));
    };
    child.stdout.on('data', watch);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited before listening:\n${output}`));
    });
  });

  const memory = () => {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kilobytes('VmRSS'), peakRss: kilobytes('VmHWM') };
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(forced);
  };
  return { origin: `http://127.0.0.1:${port}`, pid, memory, output: () => output, stop };
}
