import { type Socket } from 'node:net';
import { type ActionFrame, FrameReader } from '../ami/frame';
import { ALL_CLASSES_MASK, parseClassList, parseEventMask } from '../ami/permissions';
import { type ActionRoute } from '../actions/action-context';
import { type ClockSource } from '../clock';
import { type AmiUser } from '../options';
import { type Pbx } from '../pbx/pbx';
import { authenticate, type AuthenticatedUser, newChallenge } from './auth';
import { ActionReply } from './reply';

export const BANNER = 'Asterisk Call Manager/11.0.0\r\n';

/** What a session needs from the server around it. */
export interface SessionHost {
  users: readonly AmiUser[];
  authFailDelayMs: number;
  pbx: Pbx;
  clock: ClockSource;
  routes: ReadonlyMap<string, ActionRoute>;
  uptimeSec(): number;
  onLogin(): void;
}

/**
 * One AMI connection: banner, Login (plain or Challenge/MD5), then actions processed strictly in
 * order and the events the user may read. Output is gathered and written once per tick, so a
 * chunk usually holds several messages, like Asterisk's.
 */
export class AmiSession {
  private user: AuthenticatedUser | undefined;
  private eventMask = ALL_CLASSES_MASK;
  private challenge: string | undefined;
  private outbox: string[] = [];
  private flushQueued = false;
  private closing = false;
  private readonly reader = new FrameReader();

  constructor(
    private readonly socket: Socket,
    private readonly host: SessionHost,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      for (const frame of this.reader.push(chunk)) this.handle(frame);
    });
    // A client resetting the connection is routine for a server; the 'close' event cleans up.
    socket.on('error', () => socket.destroy());
    this.write(BANNER);
  }

  get isOpen(): boolean {
    return !this.closing && !this.socket.destroyed;
  }

  get backlogBytes(): number {
    return this.socket.writableLength;
  }

  /** An event from the PBX; sent when the user reads its class and the session wants it. */
  deliver(frame: string, classMask: number): void {
    if (!this.user || this.closing) return;
    if ((this.user.readMask & classMask) === 0 || (this.eventMask & classMask) === 0) return;
    this.write(frame);
  }

  close(): void {
    if (this.closing) return;
    this.closing = true;
    this.flush();
    this.socket.end();
  }

  private handle(frame: ActionFrame): void {
    if (this.closing) return;
    const reply = new ActionReply((f) => this.write(f), frame.actionId);
    const name = frame.action.toLowerCase();
    if (name === '') return reply.error('Missing action in request');
    if (name === 'logoff') {
      reply.response('Goodbye', 'Thanks for all the fish.', []);
      return this.close();
    }
    if (name === 'challenge') return this.challengeAction(frame, reply);
    if (name === 'login') return this.login(frame, reply);
    if (!this.user) return reply.error('Permission denied');
    if (name === 'events') return this.eventsAction(frame, reply);
    const route = this.host.routes.get(name);
    if (!route) {
      return reply.error(
        `Invalid/unknown command: ${frame.action}. Use Action: ListCommands to show available commands.`,
      );
    }
    if (
      route.writeClasses.length > 0 &&
      (this.user.writeMask & parseClassList(route.writeClasses)) === 0
    ) {
      return reply.error('Permission denied');
    }
    this.host.pbx.sched.syncToWall();
    route.handle({ pbx: this.host.pbx, frame, reply });
  }

  private challengeAction(frame: ActionFrame, reply: ActionReply): void {
    if ((frame.get('AuthType') ?? '').toLowerCase() !== 'md5')
      return reply.error('Must specify AuthType');
    this.challenge ??= newChallenge();
    reply.response('Success', undefined, [['Challenge', this.challenge]]);
  }

  private login(frame: ActionFrame, reply: ActionReply): void {
    if (this.user) return reply.success('Already authenticated');
    const user = authenticate(frame, this.host.users, this.challenge);
    if (!user) {
      // Asterisk sleeps a second before refusing, then drops the connection.
      this.closing = true;
      this.host.clock.setTimer(() => {
        reply.error('Authentication failed');
        this.closing = false;
        this.close();
      }, this.host.authFailDelayMs);
      return;
    }
    const events = frame.get('Events');
    if (events !== undefined) this.eventMask = parseEventMask(events) ?? this.eventMask;
    this.user = user;
    // May start the simulated day (startOn: first-login): only schedules, emits nothing yet.
    this.host.onLogin();
    this.host.pbx.sched.syncToWall();
    reply.success('Authentication accepted');
    const system = parseClassList('system');
    if ((user.readMask & system) !== 0 && (this.eventMask & system) !== 0) {
      const uptime = String(this.host.uptimeSec());
      reply.raw([
        ['Event', 'FullyBooted'],
        ['Privilege', 'system,all'],
        ['Uptime', uptime],
        ['LastReload', uptime],
        ['Status', 'Fully Booted'],
      ]);
    }
  }

  private eventsAction(frame: ActionFrame, reply: ActionReply): void {
    const mask = parseEventMask(frame.get('EventMask') ?? '');
    if (mask === undefined) return reply.error('Invalid event mask');
    this.eventMask = mask;
    reply.response('Success', undefined, [['Events', mask === 0 ? 'Off' : 'On']]);
  }

  private write(data: string): void {
    if (this.socket.destroyed) return;
    this.outbox.push(data);
    if (!this.flushQueued) {
      this.flushQueued = true;
      queueMicrotask(() => this.flush());
    }
  }

  private flush(): void {
    this.flushQueued = false;
    if (this.outbox.length === 0 || this.socket.destroyed) return;
    const chunk = this.outbox.join('');
    this.outbox = [];
    this.socket.write(chunk);
  }
}
