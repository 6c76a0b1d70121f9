/** Customers worth following up, archived per call (意向客户 / 能发展的客户). */
export const FOLLOW_UP_KINDS = ['intent', 'developable'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export interface FollowUpDraft {
  readonly kind: FollowUpKind;
  readonly contactName: string;
  readonly phoneNumber: string;
  readonly content: string;
  /** The call (leg id) the record is about, when made from a call. */
  readonly legId?: string;
}

export const FOLLOW_UP_LIMITS = { contactName: 100, phoneNumber: 32, content: 4000 } as const;

/** Checks a draft from outside; returns every problem at once, or the cleaned draft. */
export function validateFollowUp(
  raw: unknown,
):
  | { readonly ok: true; readonly draft: FollowUpDraft }
  | { readonly ok: false; readonly problems: string[] } {
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, problems: ['body: must be an object'] };
  const o = raw as Record<string, unknown>;
  const text = (key: keyof typeof FOLLOW_UP_LIMITS, required: boolean): string => {
    const v = o[key];
    if (v === undefined || v === null || v === '') {
      if (required) problems.push(`${key}: is required`);
      return '';
    }
    if (typeof v !== 'string') {
      problems.push(`${key}: must be text`);
      return '';
    }
    const t = v.trim();
    if (required && !t) problems.push(`${key}: is required`);
    if (t.length > FOLLOW_UP_LIMITS[key])
      problems.push(`${key}: at most ${FOLLOW_UP_LIMITS[key]} characters`);
    return t;
  };
  if (!FOLLOW_UP_KINDS.includes(o.kind as FollowUpKind))
    problems.push(`kind: must be one of ${FOLLOW_UP_KINDS.join(', ')}`);
  const contactName = text('contactName', true);
  const phoneNumber = text('phoneNumber', true).replace(/[\s-]/g, '');
  if (phoneNumber && !/^\+?\d{3,20}$/.test(phoneNumber))
    problems.push('phoneNumber: digits only (an optional leading +, spaces and dashes allowed)');
  const content = text('content', true);
  const unknown = Object.keys(o).filter(
    (k) => !['kind', 'contactName', 'phoneNumber', 'content', 'legId'].includes(k),
  );
  for (const k of unknown) problems.push(`${k}: is not a field of a follow-up record`);
  if (o.legId !== undefined && (typeof o.legId !== 'string' || o.legId.length > 200))
    problems.push('legId: must be a call id');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    draft: {
      kind: o.kind as FollowUpKind,
      contactName,
      phoneNumber,
      content,
      ...(typeof o.legId === 'string' ? { legId: o.legId } : {}),
    },
  };
}

/** The team leader hands the day's records in before the day's deadline; later is late, and shown. */
export function submissionState(
  submittedAt: number | undefined,
  deadline: number,
  now: number,
): 'on-time' | 'late' | 'pending' | 'missing' {
  if (submittedAt !== undefined) return submittedAt <= deadline ? 'on-time' : 'late';
  return now <= deadline ? 'pending' : 'missing';
}
