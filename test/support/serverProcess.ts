import { spawn } from 'node:child_process';

export interface ServerProcess {
  /** Everything the process has printed so far, stdout and stderr interleaved as they came. */
  output: () => string;
  /** The port it listens on (PORT=0 lets the system choose). */
  port: number;
  /** Stops it as a service manager would (SIGTERM) and resolves with all it printed. */
  stop: () => Promise<string>;
}

/** Starts `server/main.ts` as `npm start` does and resolves once it listens; rejects if it exits first. */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start in time:\n${output}`)), 20_000);
    let started = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = !started && /listens on http:\/\/localhost:(\d+)/.exec(output);
      if (!listening) return;
      started = true;
      clearTimeout(timer);
      resolve({
        output: () => output,
        port: Number(listening[1]),
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
          return output;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}
