/** Time as a port: the shift-end job and reports run on a fake clock in tests (a DI token too). */
export abstract class WorkforceClock {
  /** Epoch milliseconds: the PBX's time when the center runs on the simulator. */
  abstract now(): number;
}

export class SystemWorkforceClock extends WorkforceClock {
  now(): number {
    return Date.now();
  }
}

/** A clock that moves only when told (tests, replays). */
export class ManualWorkforceClock extends WorkforceClock {
  constructor(private at: number) {
    super();
  }

  now(): number {
    return this.at;
  }

  set(at: number): void {
    this.at = at;
  }

  advance(ms: number): void {
    this.at += ms;
  }
}
