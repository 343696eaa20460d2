import fs from 'node:fs';
import path from 'node:path';
import { ROOT, spawnServer } from './spawnServer.ts';

const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

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
  const { child, output, exited, port: listening } = spawnServer(TSX, ['server/main.ts'], env, { detached: true });
  const pid = child.pid!;

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

  const port = await listening.catch(async (error: unknown) => {
    await stop('SIGKILL');
    throw error;
  });
  return { origin: `http://127.0.0.1:${port}`, output, stop };
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
