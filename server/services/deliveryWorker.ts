import type { DB } from '../../db/connect.ts';
import * as deliveries from '../../db/repositories/deliveries.ts';
import * as links from '../../db/repositories/links.ts';
import { buildMessage } from '../../shared/invitations/message.ts';
import { isPermanent, reasonOf, type SendMail } from '../mail/mailer.ts';
import { hashToken, newToken } from '../security/tokens.ts';

export interface WorkerOptions {
  /** Pauses between attempts of one message; attempts = pauses + 1. */
  retryDelaysMs?: readonly number[];
}

const DEFAULT_RETRY_DELAYS = [2_000, 10_000];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends queued deliveries one by one, in the background. A message's link is made just before it is
 * sent: its hash is added to the invitation's links (the earlier ones keep working, so a respondent halfway
 * through can still submit), and the token itself lives only in this function until the mail server has the
 * message; if the message finally fails, its link is removed. Several workers (processes) may run: each row
 * is claimed in the database.
 */
export class DeliveryWorker {
  private running: Promise<void> | null = null;
  private again = false;
  private readonly retryDelays: readonly number[];

  constructor(
    private readonly db: DB,
    private readonly send: SendMail | null,
    options: WorkerOptions = {},
  ) {
    this.retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS;
  }

  get enabled(): boolean {
    return this.send !== null;
  }

  /** Starts sending what is queued, unless already at it; resolves once the queue is empty. Never rejects. */
  kick(): Promise<void> {
    if (!this.send) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.drain(this.send!);
        } catch (error) {
          console.error('Sending invitations failed:', error);
        }
      } while (this.again);
    })().finally(() => (this.running = null));
    return this.running;
  }

  private async drain(send: SendMail): Promise<void> {
    for (let id = await deliveries.nextPending(this.db); id; id = await deliveries.nextPending(this.db)) {
      if (await deliveries.claim(this.db, id)) await this.deliver(send, id);
    }
  }

  private async deliver(send: SendMail, id: string): Promise<void> {
    const job = await deliveries.deliveryJob(this.db, id);
    if (!job) return;
    if (job.answered || job.campaignStatus !== 'open') return deliveries.drop(this.db, id);
    if (!job.email) return deliveries.finish(this.db, id, { status: 'failed', attempts: 0, error: 'noEmail' });
    const token = newToken();
    const tokenHash = hashToken(token);
    if (!(await links.addLinkIfOpen(this.db, job.invitationId, tokenHash, job.emailSetBy))) return deliveries.drop(this.db, id);
    const url = `${job.origin}/r#${token}`;
    const message = buildMessage({ kind: job.kind, respondentName: job.respondentName, evaluatedName: job.evaluatedName, isSelf: job.isSelf, campaignName: job.campaignName, deadline: job.deadline, url });
    for (let attempt = 1; ; attempt++) {
      try {
        await send({ to: job.email, ...message });
        return deliveries.finish(this.db, id, { status: 'sent', attempts: attempt, error: null });
      } catch (error) {
        // A server that echoes the message back must not leave the link in the database.
        const reason = reasonOf(error).replaceAll(token, '…');
        if (isPermanent(error) || attempt > this.retryDelays.length) {
          await links.removeLink(this.db, tokenHash);
          return deliveries.finish(this.db, id, { status: 'failed', attempts: attempt, error: reason });
        }
        await deliveries.recordAttempt(this.db, id, attempt, reason);
        await sleep(this.retryDelays[attempt - 1]!);
      }
    }
  }
}
