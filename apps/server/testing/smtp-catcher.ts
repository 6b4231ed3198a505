import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail as the test SMTP server received it: the envelope and the parsed message. */
export interface CaughtMail {
  envelopeTo: string[];
  parsed: ParsedMail;
  /** The raw message (headers and body as sent). */
  raw: string;
}

export interface SmtpCatcher {
  /** `SMTP_URL` for the server under test. */
  url: string;
  mails: CaughtMail[];
  /** How many messages the server refused (see `refuse`). */
  refused: number;
  /**
   * From now on, answer DATA with this SMTP reply code (e.g. 451: try later, 550: refused for good) instead of
   * accepting; `undefined` accepts again.
   */
  refuse(code: number | undefined): void;
  /** The first received mail to this address, waiting until it comes. */
  waitFor(to: string, timeoutMs?: number): Promise<CaughtMail>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback (the `smtp-server` package) that keeps every message it receives, parsed by
 * `mailparser`. No TLS, no authentication: the server under test speaks plain SMTP to it.
 */
export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const mails: CaughtMail[] = [];
  let refuseWith: number | undefined;
  const state = { refused: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refuseWith !== undefined) {
          state.refused += 1;
          const error = Object.assign(new Error(refuseWith >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: refuseWith });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            mails.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), parsed, raw });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    get refused() {
      return state.refused;
    },
    refuse(code) {
      refuseWith = code;
    },
    async waitFor(to, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = mails.find((m) => m.envelopeTo.includes(to));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No mail to ${to} within ${timeoutMs} ms (received: ${mails.length})`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
