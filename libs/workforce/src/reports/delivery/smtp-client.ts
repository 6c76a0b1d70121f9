import { Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';

export interface SmtpOptions {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (port 465). */
  readonly secure: boolean;
  /** Upgrade a plain connection with STARTTLS before sending anything else. */
  readonly starttls: boolean;
  readonly user?: string;
  readonly password?: string;
  readonly timeoutMs?: number;
  readonly heloName?: string;
}

export class SmtpError extends Error {
  constructor(
    message: string,
    readonly code?: number,
  ) {
    super(message);
    this.name = 'SmtpError';
  }
}

/** Reads SMTP replies (multi-line: '250-…' continues, '250 …' ends) off a socket. */
class ReplyReader {
  private buffer = '';
  private lines: string[] = [];
  private waiting?: {
    resolve: (r: { code: number; text: string }) => void;
    reject: (e: Error) => void;
  };
  private failure?: Error;

  attach(socket: Socket | TLSSocket): void {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let cut: number;
      while ((cut = this.buffer.indexOf('\r\n')) >= 0) {
        this.lines.push(this.buffer.slice(0, cut));
        this.buffer = this.buffer.slice(cut + 2);
      }
      this.deliver();
    });
    socket.on('error', (e) => this.fail(e));
    socket.on('close', () => this.fail(new SmtpError('connection closed')));
  }

  next(): Promise<{ code: number; text: string }> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.deliver();
    });
  }

  private deliver(): void {
    const end = this.lines.findIndex((l) => /^\d{3}( |$)/.test(l));
    if (end < 0 || !this.waiting) return;
    const reply = this.lines.splice(0, end + 1);
    const w = this.waiting;
    this.waiting = undefined;
    w.resolve({
      code: Number(reply[end]!.slice(0, 3)),
      text: reply.map((l) => l.slice(4)).join('\n'),
    });
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.waiting?.reject(e);
    this.waiting = undefined;
  }
}

/** Sends one message: a small SMTP client (EHLO, STARTTLS, AUTH PLAIN, MAIL, RCPT, DATA). */
export async function sendSmtp(
  o: SmtpOptions,
  from: string,
  to: readonly string[],
  data: string,
): Promise<void> {
  const timeout = o.timeoutMs ?? 30_000;
  let socket: Socket | TLSSocket = o.secure
    ? tlsConnect({ host: o.host, port: o.port, servername: o.host })
    : new Socket().connect(o.port, o.host);
  socket.setTimeout(timeout, () => socket.destroy(new SmtpError('timed out')));
  let reader = new ReplyReader();
  reader.attach(socket);
  const expect = async (codes: number[], what: string) => {
    const r = await reader.next();
    if (!codes.includes(r.code)) throw new SmtpError(`${what}: ${r.code} ${r.text}`, r.code);
    return r;
  };
  const command = async (line: string, codes: number[], what = line.split(' ')[0]!) => {
    socket.write(`${line}\r\n`);
    return expect(codes, what);
  };
  try {
    await expect([220], 'greeting');
    const helo = `EHLO ${o.heloName ?? 'cti.local'}`;
    await command(helo, [250]);
    if (o.starttls && !o.secure) {
      await command('STARTTLS', [220]);
      socket.removeAllListeners('data');
      socket = tlsConnect({ socket, servername: o.host });
      socket.setTimeout(timeout, () => socket.destroy(new SmtpError('timed out')));
      reader = new ReplyReader();
      reader.attach(socket);
      await command(helo, [250]);
    }
    if (o.user !== undefined) {
      const token = Buffer.from(`\0${o.user}\0${o.password ?? ''}`, 'utf8').toString('base64');
      await command(`AUTH PLAIN ${token}`, [235], 'AUTH');
    }
    await command(`MAIL FROM:<${from}>`, [250], 'MAIL FROM');
    for (const rcpt of to) await command(`RCPT TO:<${rcpt}>`, [250, 251], 'RCPT TO');
    await command('DATA', [354]);
    // Dot-stuffing: a line starting with '.' gets another, so it cannot end the data early.
    socket.write(`${data.replace(/\r\n\./g, '\r\n..')}\r\n.\r\n`);
    await expect([250], 'message');
    await command('QUIT', [221]).catch(() => undefined);
  } finally {
    socket.destroy();
  }
}
