import { randomBytes } from 'node:crypto';

export interface Attachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

export interface MailMessage {
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly attachments: readonly Attachment[];
}

/** RFC 2047 encoded word: Chinese subjects and names survive every mail server. */
export function encodeWord(s: string): string {
  return /^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;
}

function base64Lines(buf: Buffer): string {
  return (buf.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

/** A multipart/mixed message: the text as UTF-8, each attachment base64 with an RFC 2231 file name. */
export function buildMime(m: MailMessage, dateMs: number): string {
  const boundary = `=_cti_${randomBytes(12).toString('hex')}`;
  const headers = [
    `From: ${m.from}`,
    `To: ${m.to.join(', ')}`,
    `Subject: ${encodeWord(m.subject)}`,
    `Date: ${new Date(dateMs).toUTCString()}`,
    `Message-ID: <${randomBytes(16).toString('hex')}@cti.local>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
  ];
  const parts = [
    [
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(Buffer.from(m.text, 'utf8')),
    ].join('\r\n'),
    ...m.attachments.map((a) =>
      [
        `Content-Type: ${a.contentType}; name="${encodeWord(a.filename)}"`,
        'Content-Transfer-Encoding: base64',
        `Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`,
        '',
        base64Lines(a.content),
      ].join('\r\n'),
    ),
  ];
  return `${headers.join('\r\n')}\r\n\r\n${parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('')}--${boundary}--\r\n`;
}
