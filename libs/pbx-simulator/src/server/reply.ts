import { type Fields, formatFrame } from '../ami/frame';

/**
 * Writes the frames answering one action. The ActionID is echoed only when the client sent one,
 * in the position Asterisk uses: second in responses and `...Complete` events, second or last in
 * list items depending on the item (as the captures show).
 */
export class ActionReply {
  constructor(
    private readonly write: (frame: string) => void,
    readonly actionId: string | undefined,
  ) {}

  private idField(): Fields {
    return this.actionId === undefined ? [] : [['ActionID', this.actionId]];
  }

  success(message?: string, extra: Fields = []): void {
    this.response('Success', message, extra);
  }

  error(message: string): void {
    this.response('Error', message, []);
  }

  response(kind: string, message: string | undefined, extra: Fields): void {
    const msg: Fields = message === undefined ? [] : [['Message', message]];
    this.write(formatFrame([['Response', kind], ...this.idField(), ...msg, ...extra]));
  }

  listStart(message: string): void {
    this.write(
      formatFrame([
        ['Response', 'Success'],
        ...this.idField(),
        ['EventList', 'start'],
        ['Message', message],
      ]),
    );
  }

  /** A list item: `head` fields, then the ActionID if `idFirst`, else the ActionID last. */
  listItem(event: string, fields: Fields, idFirst: boolean, head: Fields = []): void {
    const body: Fields = idFirst ? [...this.idField(), ...fields] : [...fields, ...this.idField()];
    this.write(formatFrame([['Event', event], ...head, ...body]));
  }

  listComplete(event: string, count: number, extra: Fields = []): void {
    this.write(
      formatFrame([
        ['Event', event],
        ...this.idField(),
        ['EventList', 'Complete'],
        ['ListItems', String(count)],
        ...extra,
      ]),
    );
  }

  /** Any frame, verbatim (e.g. FullyBooted after a login). */
  raw(fields: Fields): void {
    this.write(formatFrame(fields));
  }
}
