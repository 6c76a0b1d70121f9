import { createServer, type Server, type Socket } from 'node:net';
import { formatEpochMicros } from '../ami/frame';
import { AmiSession, type SessionHost } from './session';

/** Above this many unsent bytes on a socket, a flat-out simulation waits for the reader. */
const BACKLOG_LIMIT_BYTES = 8 * 1024 * 1024;

/** TCP side of the simulator: accepts AMI sessions and fans every event out to them. */
export class AmiServer {
  private readonly server: Server;
  private readonly sessions = new Set<AmiSession>();
  private readonly sockets = new Set<Socket>();
  sessionsOpened = 0;

  constructor(
    private readonly host: SessionHost,
    private readonly sendTimeHeader: string | undefined,
  ) {
    this.server = createServer((socket) => this.accept(socket));
  }

  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  /** The PBX's event listener. */
  broadcast(frame: string, classMask: number): void {
    if (this.sessions.size === 0) return;
    let out = frame;
    if (this.sendTimeHeader) {
      const sentAt = formatEpochMicros(this.host.clock.nowMs() * 1000);
      out = `${frame.slice(0, -2)}${this.sendTimeHeader}: ${sentAt}\r\n\r\n`;
    }
    for (const session of this.sessions) session.deliver(out, classMask);
  }

  /** False while some client reads too slowly (back-pressure for Infinity speed). */
  canAcceptMore(): boolean {
    for (const session of this.sessions)
      if (session.backlogBytes > BACKLOG_LIMIT_BYTES) return false;
    return true;
  }

  get openSessions(): number {
    return this.sessions.size;
  }

  close(): Promise<void> {
    for (const session of this.sessions) session.close();
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    const session = new AmiSession(socket, this.host);
    this.sessions.add(session);
    this.sessionsOpened += 1;
    socket.on('close', () => {
      this.sessions.delete(session);
      this.sockets.delete(socket);
    });
  }
}
