import { type CoreOutput } from '@cti/domain';
import { type RecordingQaConfig } from './config/recording-qa-config';
import { coreCallSource, RecordingStarter } from './control/recording-starter';
import { type PbxRecordingControl, type QaAlerts } from './ports/qa-runtime.port';
import { type RecordingRegistry } from './registry/recording-registry';

type CoreLike = Parameters<typeof coreCallSource>[0];

/**
 * What the app plugs into the core: `const sink = app.get(RecordingQaSink).connect(core)`,
 * then call `sink(output)` for every core output. It registers recordings and, where the
 * configuration says `product`, starts MixMonitor when a call is answered.
 */
export class RecordingQaSink {
  constructor(
    private readonly config: RecordingQaConfig,
    private readonly registry: RecordingRegistry,
    private readonly pbx: PbxRecordingControl,
    private readonly alerts: QaAlerts,
  ) {}

  connect(core: CoreLike): (output: CoreOutput) => void {
    const c = this.config.control;
    const productAnywhere =
      c.mode === 'product' ||
      Object.values(c.byDirection ?? {}).includes('product') ||
      Object.values(c.byQueue ?? {}).includes('product');
    const starter = productAnywhere
      ? new RecordingStarter(
          this.config,
          this.registry,
          coreCallSource(core),
          this.pbx,
          this.alerts,
        )
      : undefined;
    return (output) => {
      starter?.handle(output);
      this.registry.handle(output);
    };
  }
}
