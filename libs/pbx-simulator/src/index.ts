export { startSimulator, type RunningSimulator, type SimulatorStats } from './simulator';
export {
  type AmiUser,
  DEFAULT_QUEUES,
  DEFAULT_USER,
  type QueueSpec,
  resolveOptions,
  type SimulatorOptions,
} from './options';
export { type ClockSource, type CancelTimer, systemClock } from './clock';
export { Prng } from './prng';
export { simulatedCallCenter } from './simulated-call-center';
export {
  type SimulatorThread,
  simulatorThreadAvailable,
  startSimulatorThread,
} from './worker/simulator-thread';
