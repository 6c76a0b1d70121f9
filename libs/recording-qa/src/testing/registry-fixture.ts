import { type AgentLeg, type CoreOutput } from '@cti/domain';
import { type RecordingQaConfig, validateRecordingQaConfig } from '../config/recording-qa-config';
import { QaAlerts, type QaAlert, StaticQaDirectory } from '../ports/qa-runtime.port';
import { MemoryRecordingRepository } from '../registry/memory-recording-repository';
import { RecordingFileChecker } from '../registry/recording-file-checker';
import { RecordingRegistry } from '../registry/recording-registry';
import { RecordingRetention } from '../registry/recording-retention';
import { LocalDirectoryStorage } from '../storage/local-directory-storage';

export class CollectingAlerts extends QaAlerts {
  readonly raised: QaAlert[] = [];
  async raise(alert: QaAlert): Promise<void> {
    this.raised.push(alert);
  }
}

const NAMES = [
  'Wang Fang 王芳',
  'Li Wei 李伟',
  'Zhang Min 张敏',
  'Chen Jie 陈杰',
  'Liu Yang 刘洋',
  'Zhou Na 周娜',
  'Wu Lei 吴磊',
  'Xu Jing 徐静',
];

/** The captures' agents; odd extensions in team north, even in south (for access tests). */
export const CAPTURE_AGENTS = NAMES.map((name, i) => ({
  id: String(1001 + i),
  name,
  team: i % 2 === 0 ? 'north' : 'south',
}));

export function testRecordingConfig(
  root: string,
  patch: Partial<RecordingQaConfig> = {},
): RecordingQaConfig {
  return {
    ...validateRecordingQaConfig({
      storage: { root },
      retentionDays: 30,
      timezone: 'Asia/Shanghai',
      files: { graceSeconds: 60, settleSeconds: 5, unclaimedAfterSeconds: 600 },
    }),
    ...patch,
  };
}

/** Registry, checker and retention over an in-memory repository and a local directory. */
export function registryFixture(root: string, patch: Partial<RecordingQaConfig> = {}) {
  const config = testRecordingConfig(root, patch);
  const repo = new MemoryRecordingRepository();
  const storage = new LocalDirectoryStorage(root);
  const alerts = new CollectingAlerts();
  const registry = new RecordingRegistry(repo, config, new StaticQaDirectory(CAPTURE_AGENTS));
  const checker = new RecordingFileChecker(repo, storage, alerts, config, registry);
  const retention = new RecordingRetention(repo, storage, config.retentionDays);
  return { config, repo, storage, alerts, registry, checker, retention };
}

export function startedOutput(
  uniqueid: string,
  at: number,
  linkedid = uniqueid,
  channel = `Local/15017370008@cust-in-00000023;1`,
): CoreOutput {
  return { type: 'recording-started', recording: { uniqueid, linkedid, channel, at } };
}

export function legOutput(
  patch: Partial<AgentLeg> & { readonly agentId: string; readonly customerUniqueid: string },
): CoreOutput {
  const answeredAt = patch.answeredAt ?? 1_000;
  const leg: AgentLeg = {
    id: `${patch.agentId}:${patch.customerUniqueid}:1`,
    direction: 'inbound',
    via: 'queue',
    transferredIn: false,
    queue: 'support',
    customerNumber: '15017370008',
    agentUniqueid: `${patch.customerUniqueid}9`,
    linkedid: patch.customerUniqueid,
    startedAt: answeredAt,
    answeredAt,
    endedAt: answeredAt + 12_000,
    outcome: 'answered',
    talkSeconds: 12,
    holds: 0,
    holdSeconds: 0,
    recorded: true,
    effective: true,
    ruleVersion: 'test',
    day: '2026-11-27',
    ...patch,
  };
  return { type: 'call-completed', leg };
}
