// A scheme file's bytes to a scheme: the one loader behind `readSchemeFile` (Node) and the web
// page's "Scheme file" control (docs/web.md), which reads the file in the browser. No `node:`
// import reaches here but TextDecoder, which browsers have (scripts/build-web.ts).
import { parseJsonFile } from '../diagnostics/json.ts';
import { loadScheme, type Scheme } from '../schemes/registry.ts';
import { decodeBytes } from './decode.ts';

/**
 * Loads a scheme file's bytes (UTF-8, a BOM allowed): errors name `file` and the field by its JSON
 * pointer.
 *
 * @param bytes The file's content.
 * @param options `file`: its name in every message; `register`, `own`: as `loadScheme`'s.
 * @returns The scheme, and its definition as parsed: what the page sends to the server (and to its
 *   worker) as the scheme object, since a loaded scheme is known only where it was loaded.
 */
export function schemeFromBytes(bytes: Uint8Array, options: { file: string; register?: boolean; own?: boolean }): { scheme: Scheme; definition: unknown } {
  // A syntax error names the line and column (src/diagnostics/json.ts).
  const definition = parseJsonFile(decodeBytes(bytes, { file: options.file, stripBom: true }), { file: options.file });
  return { scheme: loadScheme(definition, { file: options.file, register: options.register ?? false, own: options.own ?? false }), definition };
}
