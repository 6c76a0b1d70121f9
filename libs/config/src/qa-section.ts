import { fileTemplateProblems, type QaSettingsConfig } from '@cti/domain';
import { type Checker, integer, list, object, optional, type Reader, text } from './schema';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const SAMPLING_KEYS = [
  'shiftStarts',
  'minPerWeek',
  'minPerWorkedShift',
  'minTalkSeconds',
  'calibrationReviewers',
  'calibrationShare',
];

const share: Reader<number> = (c, path, value) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1
    ? value
    : c.fail(path, `expected a number between 0 and 1, got ${c.show(value)}`);

const template: Reader<string> = (c, path, value) => {
  const name = text()(c, path, value);
  if (name === undefined) return undefined;
  const problems = fileTemplateProblems(name);
  return problems.length ? c.fail(path, problems.join('; ')) : name;
};

/**
 * The `qa:` section: sampling numbers and recording file-name templates. Only what is given is
 * kept, so the recording/QA defaults (and the schedule's shifts) fill the rest.
 */
export function qaSection(c: Checker, raw: unknown): QaSettingsConfig | undefined {
  if (raw === undefined || raw === null) return undefined;
  const o = object(c, 'qa', raw, ['sampling', 'fileNames']) ?? {};
  const out: {
    sampling?: QaSettingsConfig['sampling'];
    fileNames?: QaSettingsConfig['fileNames'];
  } = {};
  if (o.sampling !== undefined) {
    const s = object(c, 'qa.sampling', o.sampling, SAMPLING_KEYS) ?? {};
    const p = 'qa.sampling';
    const sampling = {
      shiftStarts: optional(
        c,
        s,
        p,
        'shiftStarts',
        list(text({ pattern: HHMM, expected: 'a time HH:MM' }), { nonEmpty: true, unique: true }),
      ),
      minPerWeek: optional(c, s, p, 'minPerWeek', integer(0, 100)),
      minPerWorkedShift: optional(c, s, p, 'minPerWorkedShift', integer(0, 20)),
      minTalkSeconds: optional(c, s, p, 'minTalkSeconds', integer(0, 3600)),
      calibrationReviewers: optional(c, s, p, 'calibrationReviewers', integer(2, 10)),
      calibrationShare: optional(c, s, p, 'calibrationShare', share),
    };
    out.sampling = Object.fromEntries(
      Object.entries(sampling).filter(([, v]) => v !== undefined),
    ) as QaSettingsConfig['sampling'];
  }
  if (o.fileNames !== undefined) {
    const f = object(c, 'qa.fileNames', o.fileNames, ['inbound', 'outbound']) ?? {};
    const fileNames = {
      inbound: optional(c, f, 'qa.fileNames', 'inbound', template),
      outbound: optional(c, f, 'qa.fileNames', 'outbound', template),
    };
    out.fileNames = Object.fromEntries(
      Object.entries(fileNames).filter(([, v]) => v !== undefined),
    ) as QaSettingsConfig['fileNames'];
  }
  return out;
}
