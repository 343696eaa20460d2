import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A PostgreSQL cluster of the test's own, made with the installed server's initdb in a temporary folder, that
 * archives every finished WAL segment into a folder with `archive_command` — as point-in-time recovery (which
 * the README recommends) and replicas keep them. Runs as the `postgres` system user (through runuser when the
 * tests run as root). Null where no PostgreSQL server binaries are installed or no such user exists.
 */
export interface ArchivingPostgres {
  url: string;
  /** Where the archived WAL segments are. */
  archiveDir: string;
  /** The cluster's data folder (its table files). */
  dataDir: string;
  /** The archived segments' file names, in order. */
  segments: () => string[];
  /** Every record of the archived segments, decoded by the server's pg_waldump (which stops where the WAL ends). */
  waldump: () => string;
  stop: () => void;
}

function serverBinaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0]!, 'bin') : null;
}

function postgresUser(): { uid: number; gid: number } | null {
  try {
    return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
  } catch {
    return null;
  }
}

export function startArchivingPostgres(): ArchivingPostgres | null {
  const bin = serverBinaries();
  const user = postgresUser();
  if (!bin || !user || (process.getuid?.() !== 0 && process.getuid?.() !== user.uid)) return null;
  const asPostgres = (command: string, args: string[]) =>
    process.getuid?.() === 0 ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]) : execFileSync(path.join(bin, command), args);
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-pg-archive-'));
  const dataDir = path.join(base, 'data');
  const archiveDir = path.join(base, 'archive');
  fs.mkdirSync(archiveDir);
  for (const dir of [base, archiveDir]) fs.chownSync(dir, user.uid, user.gid);
  asPostgres('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = 20_000 + Math.floor(Math.random() * 10_000);
  const options = [
    `-p ${port}`,
    `-k ${base}`,
    '-c listen_addresses=127.0.0.1',
    '-c wal_level=replica',
    '-c archive_mode=on',
    `-c archive_command='cp %p ${archiveDir}/%f'`,
    '-c fsync=off',
  ].join(' ');
  asPostgres('pg_ctl', ['-D', dataDir, '-o', options, '-l', path.join(base, 'server.log'), '-w', 'start']);
  const segments = () => fs.readdirSync(archiveDir).filter((name) => /^[0-9A-F]{24}$/.test(name)).sort();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    archiveDir,
    dataDir,
    segments,
    waldump: () => {
      const names = segments();
      return spawnSync(path.join(bin, 'pg_waldump'), ['-p', archiveDir, names[0]!, names.at(-1)!], { maxBuffer: 512 * 2 ** 20 }).stdout.toString();
    },
    stop: () => {
      asPostgres('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}
