import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  port: number;
  url: string;
  messages: ParsedMail[];
  /** Recipients the server refuses with 550, as a real server refuses an unknown mailbox. */
  refuse: Set<string>;
  /** Recipients whose message is read and then refused with 554 quoting its link back, as some filters do. */
  echo: Set<string>;
  /** The links quoted back in those refusals. */
  echoed: string[];
  /** Resolves once `count` messages have arrived in all. */
  waitFor: (count: number, timeoutMs?: number) => Promise<ParsedMail[]>;
  close: () => Promise<void>;
}

/** A local SMTP server that keeps every message it receives, parsed; no TLS, no authentication. */
export async function startSmtp(port = 0): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const refuse = new Set<string>();
  const echo = new Set<string>();
  const echoed: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // The app keeps its connection open for a while after a batch; a test's server need not wait for it.
    closeTimeout: 50,
    onRcptTo(address, _session, callback) {
      if (!refuse.has(address.address)) return callback();
      callback(Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const link = /\S+\/r#[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0];
          if (link && session.envelope.rcptTo.some((r) => echo.has(r.address))) {
            echoed.push(link);
            return callback(Object.assign(new Error(`5.7.1 Message refused as suspicious: ${link}`), { responseCode: 554 }));
          }
          messages.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.server.address() as { port: number }).port;
  return {
    port: bound,
    url: `smtp://127.0.0.1:${bound}`,
    messages,
    refuse,
    echo,
    echoed,
    async waitFor(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} message(s), got ${messages.length}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
