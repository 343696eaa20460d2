import fs from 'node:fs';
import { spawnServer } from '../../test/support/spawnServer.ts';

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
  const { child, output, exited, port: listening } = spawnServer(process.execPath, ['--import', 'tsx', entry], env);
  const pid = child.pid!;
  const port = await listening;

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
  return { origin: `http://127.0.0.1:${port}`, pid, memory, output, stop };
}
