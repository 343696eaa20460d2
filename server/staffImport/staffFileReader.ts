import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { StaffTableError, type StaffTable } from '../../shared/staffImport/table.ts';
import type { StaffFileReply } from './staffFileProcess.ts';

/**
 * The heap reading one file may take. 20,000 staff rows (8 MB of XML) take 30 to 50 MB, and under 96 MB with ten
 * more columns of long text (43 MB of XML); the 90 MB of XML that the unpacked-size limit lets through become, in
 * Kazakh or Russian, a 170 MB string before any row is read.
 */
export const READ_MEMORY_MB = 128;
/** How long reading one file may take: 20,000 rows take about a second, five on a busy machine. */
export const READ_SECONDS = 30;
/** A reader idle this long stops its process and gives back its memory; a preview and its apply share one. */
const IDLE_MS = 60_000;
const ENTRY = fileURLToPath(new URL('./staffFileProcess.ts', import.meta.url));

export interface ReadBounds {
  memoryMb: number;
  seconds: number;
}

/**
 * Reads staff list files into staff tables in a child process, so that a large or hostile file costs the
 * server's thread nothing (respondents go on being answered) and can take no more than `bounds`: past the heap
 * bound V8 aborts the process, past the time bound it is killed, and the file is refused with a 413.
 *
 * A process rather than a worker thread: a worker's heap limit is best-effort, and a single allocation past it
 * (a workbook's XML turned into one string) aborts the whole server instead of the worker (nodejs/node#47224;
 * a 4.3 MB workbook did so under a 128 MB limit). One file at a time, in one process kept between files
 * (starting one, under tsx, takes a few tenths of a second to seconds) and replaced when a file ends it.
 */
export class StaffFileReader {
  #child: ChildProcess | null = null;
  #idle: NodeJS.Timeout | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly bounds: ReadBounds = { memoryMb: READ_MEMORY_MB, seconds: READ_SECONDS }) {}

  /** The file's staff table; a StaffTableError when it cannot be imported or exceeds the bounds. */
  read(bytes: Uint8Array): Promise<StaffTable> {
    // One after another: two files at once could take twice the memory bound.
    const turn = this.#queue.then(() => this.#read(bytes));
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  #read(bytes: Uint8Array): Promise<StaffTable> {
    clearTimeout(this.#idle);
    const child = this.#child ?? this.#start();
    const { memoryMb, seconds } = this.bounds;
    return new Promise((resolve, reject) => {
      const settle = (outcome: { table: StaffTable } | { error: Error }) => {
        clearTimeout(timer);
        child.off('message', onReply).off('exit', onExit).off('error', onError);
        if ('table' in outcome) resolve(outcome.table);
        else reject(outcome.error);
      };
      const onReply = (reply: StaffFileReply) => {
        if ('table' in reply) settle(reply);
        else if ('refused' in reply) settle({ error: new StaffTableError(reply.refused.code, reply.refused.details) });
        else settle({ error: new Error(`Reading a staff file failed: ${reply.failed}`) });
        this.#idle = setTimeout(() => this.#stop(child), IDLE_MS).unref();
      };
      // V8 aborts a process whose heap is full; the kernel kills one it has no memory left for.
      const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
        settle({ error: signal === 'SIGABRT' || signal === 'SIGKILL' ? new StaffTableError('import.tooMuchMemory', { max: memoryMb }) : new Error(`The staff file reader exited with ${signal ?? code}`) });
      const onError = (error: Error) => {
        settle({ error });
        this.#stop(child);
      };
      const timer = setTimeout(() => {
        settle({ error: new StaffTableError('import.tooSlow', { max: seconds }) });
        this.#stop(child);
      }, seconds * 1000);
      child.on('message', onReply).on('exit', onExit).on('error', onError);
      child.send(bytes);
    });
  }

  #start(): ChildProcess {
    const child = fork(ENTRY, [], {
      // tsx's loader, as `tsx server/main.ts` and Vitest have their own: the process runs the TypeScript entry.
      execArgv: [`--max-old-space-size=${this.bounds.memoryMb}`, '--import', import.meta.resolve('tsx')],
      serialization: 'advanced',
      // Its only output is its answers; V8's report of a full heap would be noise in the server's log.
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    // Between files nothing should hold the server open for it; while a file is read, its timer does.
    child.unref();
    child.channel?.unref();
    // A file being read learns of a failure from its own listeners; between files it only ends the process.
    child.on('error', () => this.#stop(child));
    child.on('exit', () => {
      if (this.#child === child) this.#child = null;
    });
    this.#child = child;
    return child;
  }

  #stop(child: ChildProcess): void {
    if (this.#child === child) this.#child = null;
    child.kill('SIGKILL');
  }
}

const shared = new StaffFileReader();

/** A staff list file's table, read by the server's one StaffFileReader. */
export const readStaffFile = (bytes: Uint8Array): Promise<StaffTable> => shared.read(bytes);
