import { MemoryRecordingRepository } from '../registry/memory-recording-repository';
import { qaStoreContract, recordingRepositoryContract } from '../testing/store-contract';
import { MemoryQaStore } from './memory-qa-store';

describe('MemoryRecordingRepository', () =>
  recordingRepositoryContract(async () => new MemoryRecordingRepository()));
describe('MemoryQaStore', () => qaStoreContract(async () => new MemoryQaStore()));
