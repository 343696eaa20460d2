import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
// What a deployment's environment might hold that would point the child elsewhere than the test wants.
const INHERITED_OUT = ['DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST', 'SMTP_URL', 'MAIL_FROM', 'PUBLIC_URL', 'TRUST_PROXY'];

export interface ServerProcess {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Everything the server printed so far. */
  output: () => string;
  /** Stops the server, and waits until it and every process it started are gone. */
  stop: (signal: 'SIGKILL' | 'SIGTERM') => Promise<void>;
}

/**
 * `tsx server/main.ts`, as `npm start` runs it, on a free loopback port. tsx runs the server in a child
 * process of its own, so the pair is started as a process group: SIGKILL cannot be relayed, it must reach both.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !INHERITED_OUT.includes(name)));
  const child = spawn(TSX, ['server/main.ts'], {
    cwd: ROOT,
    env: { ...base, HOST: '127.0.0.1', PORT: '0', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const pid = child.pid!;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const groupAlive = () => {
    try {
      process.kill(-pid, 0);
    } catch {
      return false;
    }
    return !fs.existsSync('/proc/self/stat') || livingMembers(pid);
  };
  const stop = async (signal: 'SIGKILL' | 'SIGTERM') => {
    // SIGTERM to tsx, which passes it on as to any server stopped by hand; SIGKILL to both at once.
    try {
      process.kill(signal === 'SIGKILL' ? -pid : pid, signal);
    } catch {
      // Already gone.
    }
    await exited;
    // The server itself is tsx's child: wait for it too, so nothing still holds the database.
    for (let waited = 0; groupAlive(); waited += 20) {
      if (waited > 10_000) throw new Error(`process group ${pid} still alive 10 s after ${signal}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s:\n${output}`)), 60_000);
    const watch = () => {
      const match = /listens on http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', watch);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', watch);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the server exited before listening:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop('SIGKILL');
    throw error;
  });
  return { origin: `http://127.0.0.1:${port}`, output: () => output, stop };
}

/**
 * Whether a process of the group is still running, zombies aside: where PID 1 reaps no orphans (a container
 * without an init), the killed server stays a zombie, which holds no file and no lock any more.
 */
function livingMembers(group: number): boolean {
  return fs.readdirSync('/proc').some((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // After the command's name in parentheses: state, parent, process group.
      const [state, , processGroup] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return state !== 'Z' && Number(processGroup) === group;
    } catch {
      return false;
    }
  });
}
