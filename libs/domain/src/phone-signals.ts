/**
 * Which phones are ringing or dialing right now: dials in progress, queue rings, and answered
 * legs not yet bridged (so an agent never flickers to 'available' between answer and bridge).
 */
export class PhoneSignals {
  /** Dials in progress: dest uniqueid → caller uniqueid ('' for an originate). */
  private readonly dials = new Map<string, string>();
  /** Channels dialing out right now, with how many dials each has pending. */
  private readonly dialing = new Map<string, number>();
  /** Agent channels rung by a queue and not yet bridged or given up. */
  private readonly queueRings = new Set<string>();
  /** Answered but not yet bridged: still ringing (callee) or dialing (caller) for the agent. */
  private readonly connecting = new Map<string, 'ringing' | 'dialing'>();

  dialBegan(destUniqueid: string, callerUniqueid: string | undefined): void {
    if (!this.dials.has(destUniqueid) && callerUniqueid) {
      this.dialing.set(callerUniqueid, (this.dialing.get(callerUniqueid) ?? 0) + 1);
    }
    this.dials.set(destUniqueid, callerUniqueid ?? '');
  }

  /** Ends the dial towards `destUniqueid`; returns its caller ('' for an originate) if known. */
  dialEnded(destUniqueid: string): string | undefined {
    const caller = this.dials.get(destUniqueid);
    if (caller === undefined) return undefined;
    this.dials.delete(destUniqueid);
    const pending = (this.dialing.get(caller) ?? 0) - 1;
    if (pending > 0) this.dialing.set(caller, pending);
    else this.dialing.delete(caller);
    return caller;
  }

  queueRung(uniqueid: string): void {
    this.queueRings.add(uniqueid);
  }

  isQueueRing(uniqueid: string): boolean {
    return this.queueRings.has(uniqueid);
  }

  connectingAs(uniqueid: string, role: 'ringing' | 'dialing'): void {
    this.connecting.set(uniqueid, role);
  }

  /** The channel is bridged, rang out or was answered elsewhere: it no longer rings. */
  stopRinging(uniqueid: string): void {
    this.queueRings.delete(uniqueid);
    this.connecting.delete(uniqueid);
  }

  stopConnecting(uniqueid: string): void {
    this.connecting.delete(uniqueid);
  }

  forget(uniqueid: string): void {
    this.dialEnded(uniqueid);
    this.dialing.delete(uniqueid);
    this.stopRinging(uniqueid);
  }

  clear(): void {
    this.dials.clear();
    this.dialing.clear();
    this.queueRings.clear();
    this.connecting.clear();
  }

  ringing(uniqueid: string): boolean {
    return (
      this.queueRings.has(uniqueid) ||
      this.connecting.get(uniqueid) === 'ringing' ||
      this.dials.get(uniqueid) === ''
    );
  }

  dialingOut(uniqueid: string): boolean {
    return this.dialing.has(uniqueid) || this.connecting.get(uniqueid) === 'dialing';
  }
}
