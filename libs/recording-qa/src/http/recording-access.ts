import { type QaPrincipal } from '../ports/qa-runtime.port';
import { type QaStore } from '../ports/qa-store.port';
import { type RecordingEntry } from '../ports/recording-repository.port';

/** Recording ids are made from Asterisk ids: anything else (paths, encodings) is refused with 400. */
export const RECORDING_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,140}$/;

export function isRecordingId(id: string): boolean {
  return RECORDING_ID.test(id) && !id.includes('..');
}

/**
 * Who may hear a recording (only the roles that need it). Admins: all; supervisors:
 * all, or their team when their token names one; team leaders: their team; QA reviewers: the
 * calls assigned to them, and their team's when their token names one; agents: their own
 * calls. Anything else is answered as if the recording did not exist (404, no probing).
 */
export class RecordingAccess {
  constructor(private readonly qa: QaStore) {}

  async maySee(p: QaPrincipal, e: RecordingEntry): Promise<boolean> {
    switch (p.role) {
      case 'admin':
        return true;
      case 'supervisor':
        return p.teamId === undefined || e.teamId === p.teamId;
      case 'team_leader':
        return p.teamId !== undefined && e.teamId === p.teamId;
      case 'agent':
        return p.agentId !== undefined && e.agentIds.includes(p.agentId);
      case 'qa':
        if (p.teamId !== undefined && e.teamId === p.teamId) return true;
        return (await this.qa.assignments({ reviewerId: p.userId, recordingId: e.id })).length > 0;
    }
  }
}
