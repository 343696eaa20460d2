import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// What a deployment's environment might hold that would point the child elsewhere than the test or bench wants.
const INHERITED_OUT = ['DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST', 'SMTP_URL', 'MAIL_FROM', 'PUBLIC_URL', 'TRUST_PROXY'];

export interface SpawnedServer {
  child: ChildProcess;
  /** Everything the process has printed so far, stdout and stderr as they came. */
  output: () => string;
  exited: Promise<void>;
  /** The port it listens on, once it prints `listens on http://localhost:<port>`; rejects if it exits first or takes 60 s. */
  port: Promise<number>;
}

/** Starts a server entry on a free loopback port (PORT=0) with the given environment and none of the caller's deployment settings. */
export function spawnServer(command: string, args: string[], env: Record<string, string>, options: { detached?: boolean } = {}): SpawnedServer {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !INHERITED_OUT.includes(name)));
  const child = spawn(command, args, { cwd: ROOT, env: { ...base, HOST: '127.0.0.1', PORT: '0', ...env }, detached: options.detached ?? false, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const name = args.at(-1);
  const port = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s:\n${output}`)), 60_000);
    const watch = () => {
      const match = /listens on http:\/\/localhost:(\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', watch);
      resolve(Number(match[1]));
    };
    child.stdout!.on('data', watch);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before listening:\n${output}`));
    });
  });
  return { child, output: () => output, exited, port };
}
