export { writeFileAtomic, type WriteFileAtomicOptions } from './atomic-write.ts';
export { decodeUtf8, firstInvalidUtf8 } from './decode.ts';
