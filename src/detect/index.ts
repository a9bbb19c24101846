// Public API of src/detect: the language of a Cyrillic text (browser-safe).
export { detectLanguage, detectParagraphs, DETECTABLE_LANGUAGES, type DetectOptions, type LanguageGuess, type ParagraphLanguage, type WordLanguage } from './detect.ts';
