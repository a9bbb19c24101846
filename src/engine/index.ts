// `latinitsa/engine`: the romanization engine below the public functions — the one resolution of
// a scheme and its options into compiled tables, input normalisation and case forms, for tools
// that build on the engine (docs/api.md, docs/architecture.md). Browser-safe.
// `lang: 'auto'` runs the language detector, which the engine leaves to its entry points.
import './detector.ts';
export { resolveScheme, COMMON_OPTION_NAMES, type RomanizeOptions } from './resolve.ts';
export { titleForm, type CommonOptions, type CompiledRule, type CompiledScheme, type LetterForms } from './compile.ts';
export { normalizeInput, sourceOffsets, type NormalizeOptions, type SourceOffsets } from './normalize.ts';
export { romanize, explain, type Segment } from './romanize.ts';
export { romanizeBuffer, createRomanizer, createRomanizeStream, type Romanizer } from './stream.ts';
