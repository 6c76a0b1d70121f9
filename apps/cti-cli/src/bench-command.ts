import { readConfigFile, validateConfig } from '@cti/config';
import { benchCore } from './bench/core-bench';
import { loopCapture } from './bench/looped-capture';
import { benchManagerParseOnly, benchPipeline, type RateResult } from './bench/pipeline-bench';

export interface BenchArgs {
  readonly capture: string;
  readonly config: string;
  readonly loops: number;
  readonly rounds: number;
}

const best = (results: RateResult[]) => results.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * AMI ingestion figures as ratios against asterisk-manager's own parse-only rate measured in the
 * same run (interleaved rounds, best of each), plus the core alone without TCP.
 */
export async function runBench(args: BenchArgs, out: (text: string) => void): Promise<void> {
  const config = validateConfig(readConfigFile(args.config), args.config);
  const { jsonl, stream, events } = loopCapture(args.capture, args.loops);
  out(`stream: ${args.capture} looped ${args.loops}x = ${fmt(events)} events`);
  const parseOnly: RateResult[] = [];
  const pipeline: RateResult[] = [];
  for (let i = 0; i < args.rounds; i++) {
    parseOnly.push(await benchManagerParseOnly(stream, events));
    pipeline.push(await benchPipeline(stream, events, config));
  }
  const core = best([0, 1, 2].map(() => benchCore(jsonl, config)));
  const base = best(parseOnly);
  const full = best(pipeline);
  out(`asterisk-manager parse only : ${fmt(base.perSecond)} events/s`);
  out(`adapter + core over TCP     : ${fmt(full.perSecond)} events/s  ratio ${(full.perSecond / base.perSecond).toFixed(2)} (target >= 0.80)`);
  out(`core alone (no TCP)         : ${fmt(core.perSecond)} events/s  (target >= 150,000)`);
}
