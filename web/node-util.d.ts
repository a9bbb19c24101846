// The page's type-check of `node:util` as the page's build gives it (scripts/build-web.ts,
// `web-globals`): only TextDecoder and TextEncoder, the browser's own. The scheme file loader
// (src/io/scheme-bytes.ts) decodes with src/io/decode.ts, which imports them from there.
declare module 'node:util' {
  export const TextDecoder: typeof globalThis.TextDecoder;
  export const TextEncoder: typeof globalThis.TextEncoder;
}
