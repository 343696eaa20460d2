import type { Connection } from '../../db/connect.ts';
import type { AppConfig } from '../config.ts';

export interface AppDeps {
  conn: Connection;
  config: AppConfig;
  /** The clock; tests move it past deadlines. */
  now: () => Date;
}
