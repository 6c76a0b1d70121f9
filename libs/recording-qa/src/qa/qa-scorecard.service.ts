import {
  type Scorecard,
  type ScorecardDefinition,
  sameScoring,
  scorecardProblems,
} from '@cti/domain';
import { type QaAudit } from '../ports/qa-runtime.port';
import { type QaStore, QaStoreConflict, type StoredScorecard } from '../ports/qa-store.port';
import { QaError } from '../qa-errors';
import { DEFAULT_SCORECARD } from './default-scorecard';

/**
 * Scorecards from configuration or the API, versioned: storing a definition that scores
 * differently from the latest version makes the next version; the same one changes nothing.
 */
export class QaScorecardService {
  constructor(
    private readonly store: QaStore,
    private readonly audit: QaAudit,
  ) {}

  /**
   * Loads the configured scorecards at start (version 1, or a new version when changed); with
   * none configured and none stored yet, stores the default service standard, so a first start
   * can be scored at once. Later starts find a card and leave it (and its edits) alone.
   */
  async bootstrap(cards: readonly ScorecardDefinition[], now: number): Promise<Scorecard[]> {
    const out: Scorecard[] = [];
    for (const def of cards) out.push(await this.define(def, 'config', now));
    if (cards.length === 0 && (await this.store.latestScorecards()).length === 0)
      out.push(await this.define(DEFAULT_SCORECARD, 'default', now));
    return out;
  }

  async define(def: ScorecardDefinition, by: string, now: number): Promise<Scorecard> {
    const problems = scorecardProblems(def);
    if (problems.length) throw new QaError('QA_BAD_REQUEST', 'scorecard is invalid', { problems });
    const clean: ScorecardDefinition = {
      id: def.id,
      name: def.name,
      passMark: def.passMark,
      sections: def.sections,
    };
    for (let attempt = 0; attempt < 3; attempt++) {
      const versions = await this.store.scorecardVersions(def.id);
      const latest = versions[versions.length - 1]?.card;
      if (latest && sameScoring(latest, clean)) return latest;
      const card: Scorecard = { ...clean, version: (latest?.version ?? 0) + 1 };
      try {
        await this.store.addScorecard(card, by, now);
        await this.audit.append({
          actor: by,
          action: 'qa.scorecard.version',
          target: `${card.id}@${card.version}`,
          details: { passMark: card.passMark },
        });
        return card;
      } catch (error) {
        // Someone stored the same next version at the same moment: look again.
        if (!(error instanceof QaStoreConflict)) throw error;
      }
    }
    throw new QaError('QA_CONFLICT', 'scorecard is being changed concurrently');
  }

  list(): Promise<Scorecard[]> {
    return this.store.latestScorecards();
  }

  versions(id: string): Promise<StoredScorecard[]> {
    return this.store.scorecardVersions(id);
  }

  /** A given version, or the latest; QA_NOT_FOUND when there is none. */
  async resolve(id: string, version?: number): Promise<Scorecard> {
    const card =
      version !== undefined
        ? await this.store.scorecard(id, version)
        : (await this.store.latestScorecards()).find((c) => c.id === id);
    if (!card) throw new QaError('QA_NOT_FOUND', 'scorecard not found');
    return card;
  }
}
