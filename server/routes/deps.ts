import type { Connection } from '../../db/connect.ts';
import type { AppConfig } from '../config.ts';
import type { PdfBrowser } from '../pdf/pdfBrowser.ts';
import type { AnswerKeys } from '../security/answerKeys.ts';
import type { SecretBox } from '../security/secretBox.ts';
import type { DeliveryWorker } from '../services/deliveryWorker.ts';

export interface AppDeps {
  conn: Connection;
  config: AppConfig;
  /** The clock; tests move it past deadlines. */
  now: () => Date;
  /** Sends invitations and reminders; shared with the scheduled job. Made from config.mail when absent. */
  deliveryWorker?: DeliveryWorker;
  /** Prints reports as PDF; closed by whoever made it. Made from config.chromiumPath when absent. */
  pdfBrowser?: PdfBrowser;
  /** Seals second-factor secrets. Made from config.totpKeyFile when absent (the key is read when first needed). */
  secretBox?: SecretBox;
  /** Open campaigns' answer keys. Made from config.answerKeyDir when absent; one per app, shared by its routes. */
  answerKeys?: AnswerKeys;
}

/** What the routes get: the app's dependencies with the shared ones made (server/app.ts). */
export type RouteDeps = AppDeps & { answerKeys: AnswerKeys };
