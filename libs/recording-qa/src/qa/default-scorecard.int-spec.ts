import { allItems, type Scorecard } from '@cti/domain';
import { startTestDatabase, type TestDatabase } from '../../../testing/src/postgres-test-db';
import { PgQaStore } from '../pg/pg-qa-store';
import { QaAudit, type QaAuditEntry } from '../ports/qa-runtime.port';
import { SERVICE_SCORECARD } from '../../../domain/src/qa/qa-fixtures';
import { QaScorecardService } from './qa-scorecard.service';

class ListedAudit extends QaAudit {
  readonly entries: QaAuditEntry[] = [];
  async append(entry: QaAuditEntry): Promise<void> {
    this.entries.push(entry);
  }
}

/** The default scorecard seeded on a first start, against a real PostgreSQL. */
describe('the default scorecard', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await startTestDatabase();
  }, 120_000);
  afterAll(() => db?.stop());
  beforeEach(() => db.dataSource.query('TRUNCATE "qa_scorecard"'));

  /** One server start: a new service over the same database. */
  const start = (cards: Parameters<QaScorecardService['bootstrap']>[0] = []) =>
    new QaScorecardService(new PgQaStore(db.dataSource), new ListedAudit()).bootstrap(
      cards,
      Date.parse('2026-12-08T01:00:00Z'),
    );
  const stored = async (): Promise<Scorecard[]> =>
    new QaScorecardService(new PgQaStore(db.dataSource), new ListedAudit()).list();

  it('is stored on the first start, in Chinese, weights summing to 100, critical items unmistakable', async () => {
    await start();
    const [card, ...others] = await stored();
    expect(others).toEqual([]);
    expect(card).toMatchObject({ id: 'service-standard', version: 1, name: '服务规范评分表' });
    expect(card.sections.reduce((sum, s) => sum + s.weight, 0)).toBe(100);
    for (const s of card.sections)
      expect(s.items.reduce((sum, i) => sum + i.weight, 0)).toBe(s.weight);
    const texts = allItems(card).map((i) => i.text);
    for (const topic of ['三声', '工号', '地址', '请稍候', '争吵', '结束语', '先挂机'])
      expect(texts.some((t) => t.includes(topic))).toBe(true);
    const critical = allItems(card).filter((i) => i.critical);
    expect(critical).toEqual([
      expect.objectContaining({
        text: '与客户争吵（出现即判零分）',
        scale: { kind: 'yes-no', passLabel: '未出现', failLabel: '出现' },
      }),
    ]);
  });

  it('is not stored again, nor changed back, on later starts', async () => {
    await start();
    await start();
    const [card] = await stored();
    const service = new QaScorecardService(new PgQaStore(db.dataSource), new ListedAudit());
    await service.define({ ...card, passMark: 85 }, 'qa-lead', Date.now());
    await start();
    const versions = await service.versions('service-standard');
    expect(versions.map((v) => [v.card.version, v.card.passMark, v.createdBy])).toEqual([
      [1, 80, 'default'],
      [2, 85, 'qa-lead'],
    ]);
    expect(await stored()).toHaveLength(1);
  });

  it('is not added when the configuration brings its own scorecards', async () => {
    await start([SERVICE_SCORECARD]);
    expect((await stored()).map((c) => c.id)).toEqual([SERVICE_SCORECARD.id]);
  });
});
