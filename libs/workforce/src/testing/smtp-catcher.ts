import { createServer, type Server, type Socket } from 'node:net';
import { type AddressInfo } from 'node:net';

export interface CaughtMail {
  readonly from: string;
  readonly to: string[];
  readonly auth?: string;
  readonly data: string;
}

/** A real local SMTP server that accepts everything and keeps the messages (a mail catcher). */
export class SmtpCatcher {
  readonly mails: CaughtMail[] = [];
  readonly commands: string[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<SmtpCatcher> {
    const server = createServer();
    const catcher = new SmtpCatcher(server);
    server.on('connection', (socket: Socket) => catcher.session(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return catcher;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  private session(socket: Socket): void {
    let buffer = '';
    let inData = false;
    let mail: { from: string; to: string[]; auth?: string; data: string } = {
      from: '',
      to: [],
      data: '',
    };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 catcher ESMTP');
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          mail.data = buffer.slice(0, end).replace(/\r\n\.\./g, '\r\n.');
          buffer = buffer.slice(end + 5);
          inData = false;
          this.mails.push(mail);
          mail = { from: '', to: [], data: '' };
          reply('250 queued');
          continue;
        }
        const cut = buffer.indexOf('\r\n');
        if (cut < 0) return;
        const line = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        this.commands.push(line.split(' ')[0]!.toUpperCase());
        const upper = line.toUpperCase();
        if (upper.startsWith('EHLO'))
          socket.write('250-catcher\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n');
        else if (upper.startsWith('AUTH PLAIN ')) {
          mail.auth = Buffer.from(line.slice(11), 'base64').toString('utf8');
          reply('235 ok');
        } else if (upper.startsWith('MAIL FROM:')) {
          mail.from = line.slice(10).replace(/[<>]/g, '');
          reply('250 ok');
        } else if (upper.startsWith('RCPT TO:')) {
          mail.to.push(line.slice(8).replace(/[<>]/g, ''));
          reply('250 ok');
        } else if (upper === 'DATA') {
          inData = true;
          reply('354 go on');
        } else if (upper === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('502 not implemented');
      }
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export interface MimePart {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/** Splits a multipart message into its parts, base64 bodies decoded (what a mail client does). */
export function mimeParts(data: string): { headers: Record<string, string>; parts: MimePart[] } {
  const [head, ...rest] = data.split('\r\n\r\n');
  const headers = parseHeaders(head!);
  const boundary = /boundary="([^"]+)"/.exec(headers['content-type'] ?? '')?.[1];
  if (!boundary) return { headers, parts: [] };
  const body = rest.join('\r\n\r\n');
  const parts = body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((raw) => {
      const [h, ...b] = raw.replace(/^\r\n/, '').split('\r\n\r\n');
      const ph = parseHeaders(h!);
      const content = b.join('\r\n\r\n').trim();
      return {
        headers: ph,
        body:
          ph['content-transfer-encoding'] === 'base64'
            ? Buffer.from(content.replace(/\r\n/g, ''), 'base64')
            : Buffer.from(content),
      };
    });
  return { headers, parts };
}

function parseHeaders(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of block.split('\r\n')) {
    const cut = line.indexOf(':');
    if (cut > 0) out[line.slice(0, cut).toLowerCase()] = line.slice(cut + 1).trim();
  }
  return out;
}

/** RFC 2047 =?UTF-8?B?…?= back to text. */
export function decodeWord(s: string): string {
  const m = /^=\?UTF-8\?B\?(.*)\?=$/.exec(s);
  return m ? Buffer.from(m[1]!, 'base64').toString('utf8') : s;
}
