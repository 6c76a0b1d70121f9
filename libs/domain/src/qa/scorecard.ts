/**
 * The center's written scoring standard (监听评分标准) as data: sections and items with weights,
 * yes/no or 0..N scales, critical items that fail the whole call. Versioned: an evaluation keeps
 * the version it was scored with, so changing the card never rewrites past scores.
 */
export type ItemScale =
  | {
      readonly kind: 'yes-no';
      /**
       * What the reviewer picks, when plain yes/no would read backwards: for "与客户争吵" the
       * passing answer is `未出现` and the failing one `出现`. Both or neither.
       */
      readonly passLabel?: string;
      readonly failLabel?: string;
    }
  | { readonly kind: 'points'; readonly max: number };

export interface ScorecardItem {
  readonly id: string;
  readonly text: string;
  readonly weight: number;
  readonly scale: ItemScale;
  /** Failing it fails the whole call (score 0), e.g. "never argue with the customer". */
  readonly critical?: boolean;
  /** May be marked not applicable (e.g. "say 'please wait'" when the customer never waited). */
  readonly allowNa?: boolean;
  /** Points scale: a value below this counts as a failure of the item (default: half of max, rounded up). */
  readonly passAt?: number;
}

export interface ScorecardSection {
  readonly id: string;
  readonly title: string;
  readonly weight: number;
  readonly items: readonly ScorecardItem[];
}

export interface ScorecardDefinition {
  readonly id: string;
  readonly name: string;
  /** Total (0-100) at or above which a call passes. */
  readonly passMark: number;
  readonly sections: readonly ScorecardSection[];
}

export interface Scorecard extends ScorecardDefinition {
  /** 1, 2, ... per id; assigned when the definition is stored. */
  readonly version: number;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const MAX_TEXT = 500;
const MAX_LABEL = 40;

/** Every problem of a definition, as `path: message` (empty when valid). */
export function scorecardProblems(def: ScorecardDefinition): string[] {
  const problems: string[] = [];
  const positive = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n) && n > 0;
  if (!ID.test(def.id ?? '')) problems.push(`id: must match ${ID}`);
  if (typeof def.name !== 'string' || !def.name.trim() || def.name.length > MAX_TEXT)
    problems.push('name: required text');
  if (!(typeof def.passMark === 'number' && def.passMark >= 0 && def.passMark <= 100))
    problems.push('passMark: 0..100');
  if (!Array.isArray(def.sections) || def.sections.length === 0)
    problems.push('sections: at least one');
  const sectionIds = new Set<string>();
  const itemIds = new Set<string>();
  const unique = (ids: Set<string>, path: string, id: string): void => {
    if (!ID.test(id ?? '')) problems.push(`${path}.id: must match ${ID}`);
    else if (ids.has(id)) problems.push(`${path}.id: '${id}' used twice`);
    ids.add(id);
  };
  (def.sections ?? []).forEach((section, s) => {
    const sp = `sections[${s}]`;
    unique(sectionIds, sp, section.id);
    if (
      typeof section.title !== 'string' ||
      !section.title.trim() ||
      section.title.length > MAX_TEXT
    )
      problems.push(`${sp}.title: required text`);
    if (!positive(section.weight)) problems.push(`${sp}.weight: a number > 0`);
    if (!Array.isArray(section.items) || section.items.length === 0)
      problems.push(`${sp}.items: at least one`);
    (section.items ?? []).forEach((item, i) => {
      const ip = `${sp}.items[${i}]`;
      unique(itemIds, ip, item.id);
      if (typeof item.text !== 'string' || !item.text.trim() || item.text.length > MAX_TEXT)
        problems.push(`${ip}.text: required text`);
      if (!positive(item.weight)) problems.push(`${ip}.weight: a number > 0`);
      const scale = item.scale;
      if (scale?.kind === 'points') {
        if (!Number.isInteger(scale.max) || scale.max < 1 || scale.max > 100)
          problems.push(`${ip}.scale.max: a whole number 1..100`);
        if (
          item.passAt !== undefined &&
          !(Number.isInteger(item.passAt) && item.passAt >= 0 && item.passAt <= scale.max)
        ) {
          problems.push(`${ip}.passAt: a whole number 0..max`);
        }
      } else if (scale?.kind === 'yes-no') {
        if (item.passAt !== undefined) problems.push(`${ip}.passAt: only for a points scale`);
        const labels = [scale.passLabel, scale.failLabel];
        const given = labels.filter((l) => l !== undefined);
        if (
          given.length === 1 ||
          !given.every((l) => typeof l === 'string' && l.trim() && l.length <= MAX_LABEL) ||
          (given.length === 2 && labels[0]!.trim() === labels[1]!.trim())
        ) {
          problems.push(
            `${ip}.scale: passLabel and failLabel: both or neither, distinct, 1..${MAX_LABEL} characters`,
          );
        }
      } else problems.push(`${ip}.scale: yes-no or points`);
      if (item.critical && item.allowNa)
        problems.push(`${ip}: a critical item cannot be not-applicable`);
    });
  });
  return problems;
}

export function allItems(card: ScorecardDefinition): ScorecardItem[] {
  return card.sections.flatMap((s) => s.items);
}

export function maxOf(item: ScorecardItem): number {
  return item.scale.kind === 'points' ? item.scale.max : 1;
}

/** Whether a given value fails the item (yes-no: "no"; points: below passAt). */
export function itemFails(item: ScorecardItem, value: number): boolean {
  if (item.scale.kind === 'yes-no') return value < 1;
  return value < (item.passAt ?? Math.ceil(item.scale.max / 2));
}

/** Two definitions score alike (ignoring texts' whitespace): storing the same one is not a new version. */
export function sameScoring(a: ScorecardDefinition, b: ScorecardDefinition): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

function normalise(def: ScorecardDefinition): unknown {
  return {
    id: def.id,
    name: def.name.trim(),
    passMark: def.passMark,
    sections: def.sections.map((s) => ({
      id: s.id,
      title: s.title.trim(),
      weight: s.weight,
      items: s.items.map((i) => ({
        id: i.id,
        text: i.text.trim(),
        weight: i.weight,
        scale:
          i.scale.kind === 'points'
            ? { kind: 'points', max: i.scale.max }
            : {
                kind: 'yes-no',
                passLabel: i.scale.passLabel?.trim() ?? null,
                failLabel: i.scale.failLabel?.trim() ?? null,
              },
        critical: i.critical === true,
        allowNa: i.allowNa === true,
        passAt: i.passAt ?? null,
      })),
    })),
  };
}
