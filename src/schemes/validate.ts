import { LatinitsaError } from '../errors.ts';
import type { LanguageSource, SchemeSource } from './types.ts';

/** Options of {@link validateScheme}. */
export interface ValidateSchemeOptions {
  /** File name to put in error messages. */
  file?: string;
  /** Language data the rules' letter classes refer to. */
  language: LanguageSource;
  /** Option definitions inherited through `extends`, so that `if` conditions can name them. */
  inheritedOptions?: SchemeSource['options'];
}

const TOP_LEVEL = new Set([
  '$schema', '$comment', 'id', 'name', 'authority', 'edition', 'source', 'description', 'language',
  'languages', 'family', 'extends', 'letters', 'letterNotes', 'rules', 'removeRules', 'options', 'defaults', 'case',
  'profiles', 'alphabet', 'samples',
]);
const RULE_KEYS = new Set(['id', 'match', 'output', 'after', 'before', 'notAfter', 'notBefore', 'if', 'note']);
const CONTEXT_KEYS = ['after', 'before', 'notAfter', 'notBefore'] as const;
const VALUE_KEYS = new Set(['description', 'letters', 'substitute', 'profile']);
const PROFILE_KEYS = new Set(['description', 'upperCase', 'replace', 'keepOnly']);
const ID_PATTERN = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

/** Escapes one JSON pointer segment (RFC 6901). */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

class Checker {
  readonly file: string | undefined;
  constructor(file: string | undefined) {
    this.file = file;
  }
  fail(pointer: string, reason: string): never {
    const where = `${this.file ?? 'scheme'}: ${pointer || '/'}`;
    throw new LatinitsaError('ERR_SCHEME_INVALID', `${where}: ${reason}`, {
      ...(this.file === undefined ? {} : { file: this.file }),
      pointer,
    });
  }
  object(value: unknown, pointer: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(pointer, `must be an object, found ${describe(value)}`);
    }
    return value as Record<string, unknown>;
  }
  string(value: unknown, pointer: string): string {
    if (typeof value !== 'string') this.fail(pointer, `must be a string, found ${describe(value)}`);
    return value;
  }
  array(value: unknown, pointer: string): unknown[] {
    if (!Array.isArray(value)) this.fail(pointer, `must be an array, found ${describe(value)}`);
    return value;
  }
  keys(obj: Record<string, unknown>, allowed: Set<string>, pointer: string): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.has(key)) {
        this.fail(`${pointer}/${pointerSegment(key)}`, `unknown field "${key}" (allowed: ${[...allowed].filter((k) => !k.startsWith('$')).join(', ')})`);
      }
    }
  }
  stringMap(value: unknown, pointer: string, checkKey?: (key: string, at: string) => void): Record<string, string> {
    const obj = this.object(value, pointer);
    for (const [key, v] of Object.entries(obj)) {
      const at = `${pointer}/${pointerSegment(key)}`;
      if (key.startsWith('$')) continue;
      this.string(v, at);
      checkKey?.(key, at);
    }
    return obj as Record<string, string>;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`;
}

function isLowerLetter(s: string): boolean {
  return [...s].length === 1 && /^\p{L}$/u.test(s) && s === s.toLowerCase();
}

/**
 * Checks the shape of a scheme file and returns it typed. Throws {@link LatinitsaError} with code
 * `ERR_SCHEME_INVALID`, the file, a JSON pointer to the field and the reason.
 *
 * @example
 * import { validateScheme, getLanguage } from 'latinitsa';
 * const error = (() => { try { validateScheme({ id: 'x', name: 'X', leters: {} }, { file: 'x.json', language: getLanguage('ru') }); } catch (e) { return e as Error; } })();
 * error?.message;
 * //=> 'x.json: /leters: unknown field "leters" (allowed: id, name, authority, edition, source, description, language, languages, family, extends, letters, letterNotes, rules, removeRules, options, defaults, case, profiles, alphabet, samples)'
 */
export function validateScheme(data: unknown, options: ValidateSchemeOptions): SchemeSource {
  const c: Checker = new Checker(options.file);
  const { language } = options;
  const root = c.object(data, '');
  c.keys(root, TOP_LEVEL, '');
  const id = c.string(root.id, '/id');
  if (!ID_PATTERN.test(id)) c.fail('/id', `must be lower-case kebab-case such as "my-house-style", found ${JSON.stringify(id)}`);
  c.string(root.name, '/name');
  for (const key of ['authority', 'edition', 'source', 'description', 'language', 'family', 'extends', 'alphabet'] as const) {
    if (root[key] !== undefined) c.string(root[key], `/${key}`);
  }
  if (root.languages !== undefined) c.array(root.languages, '/languages').forEach((l, i) => c.string(l, `/languages/${i}`));
  if (root.extends === undefined && root.letters === undefined) {
    c.fail('/letters', 'is required unless the scheme "extends" another one');
  }
  const letterKey = (key: string, at: string): void => {
    if (!isLowerLetter(key)) c.fail(at, `key must be one lower-case letter, found ${JSON.stringify(key)}`);
  };
  if (root.letters !== undefined) c.stringMap(root.letters, '/letters', letterKey);
  if (root.letterNotes !== undefined) c.stringMap(root.letterNotes, '/letterNotes', letterKey);

  const optionDefs: Record<string, unknown> = { ...(options.inheritedOptions ?? {}) };
  if (root.options !== undefined) {
    const opts = c.object(root.options, '/options');
    for (const [name, def] of Object.entries(opts)) {
      const at = `/options/${pointerSegment(name)}`;
      const o = c.object(def, at);
      c.keys(o, new Set(['description', 'default', 'values']), at);
      const values = c.object(o.values, `${at}/values`);
      const dflt = c.string(o.default, `${at}/default`);
      if (!(dflt in values)) c.fail(`${at}/default`, `"${dflt}" is not one of the values (${Object.keys(values).join(', ')})`);
      for (const [valueName, value] of Object.entries(values)) {
        const vat = `${at}/values/${pointerSegment(valueName)}`;
        const v = c.object(value, vat);
        c.keys(v, VALUE_KEYS, vat);
        if (v.letters !== undefined) c.stringMap(v.letters, `${vat}/letters`, letterKey);
        if (v.substitute !== undefined) c.stringMap(v.substitute, `${vat}/substitute`, letterKey);
        if (v.profile !== undefined) c.string(v.profile, `${vat}/profile`);
      }
      optionDefs[name] = o;
    }
  }

  const contextToken = (token: unknown, at: string): void => {
    const t = c.string(token, at);
    if (t === '^' || t === '$') return;
    if (t.startsWith('@')) {
      if (!(t.slice(1) in language.classes)) {
        c.fail(at, `unknown letter class "${t}" (the ${language.name} classes are ${Object.keys(language.classes).map((k) => `@${k}`).join(', ')})`);
      }
      return;
    }
    if (t === '' || ![...t].every(isLowerLetter)) c.fail(at, `must be "^", "$", "@class" or lower-case letters, found ${JSON.stringify(t)}`);
  };

  if (root.rules !== undefined) {
    c.array(root.rules, '/rules').forEach((rule, i) => {
      const at = `/rules/${i}`;
      const r = c.object(rule, at);
      c.keys(r, RULE_KEYS, at);
      if (r.id !== undefined) c.string(r.id, `${at}/id`);
      if (r.note !== undefined) c.string(r.note, `${at}/note`);
      const match = c.string(r.match, `${at}/match`);
      const letters = [...match];
      if (letters.length === 0 || !letters.every(isLowerLetter)) c.fail(`${at}/match`, `must be one or more lower-case letters, found ${JSON.stringify(match)}`);
      if (Array.isArray(r.output)) {
        if (r.output.length !== letters.length) {
          c.fail(`${at}/output`, `has ${r.output.length} parts but "match" has ${letters.length} letters (one output per matched letter)`);
        }
        r.output.forEach((part, j) => c.string(part, `${at}/output/${j}`));
      } else {
        c.string(r.output, `${at}/output`);
      }
      for (const key of CONTEXT_KEYS) {
        if (r[key] === undefined) continue;
        const tokens = c.array(r[key], `${at}/${key}`);
        if (tokens.length === 0) c.fail(`${at}/${key}`, 'must not be empty');
        tokens.forEach((t, j) => contextToken(t, `${at}/${key}/${j}`));
      }
      if (r.if !== undefined) {
        const cond = c.object(r.if, `${at}/if`);
        for (const [name, value] of Object.entries(cond)) {
          const cat = `${at}/if/${pointerSegment(name)}`;
          const def = optionDefs[name] as { values: Record<string, unknown> } | undefined;
          if (def === undefined) c.fail(cat, `names no option of this scheme ("${name}")`);
          const v = c.string(value, cat);
          if (!(v in def.values)) c.fail(cat, `"${v}" is not a value of option "${name}" (${Object.keys(def.values).join(', ')})`);
        }
      }
    });
  }
  if (root.removeRules !== undefined) {
    c.array(root.removeRules, '/removeRules').forEach((id, i) => c.string(id, `/removeRules/${i}`));
  }
  if (root.defaults !== undefined) {
    const d = c.object(root.defaults, '/defaults');
    c.keys(d, new Set(['allCaps', 'preReform']), '/defaults');
    if (d.allCaps !== undefined && !['upper', 'acronym', 'auto'].includes(d.allCaps as string)) {
      c.fail('/defaults/allCaps', `must be "upper", "acronym" or "auto", found ${describe(d.allCaps)}`);
    }
    if (d.preReform !== undefined && !['native', 'modernize'].includes(d.preReform as string)) {
      c.fail('/defaults/preReform', `must be "native" or "modernize", found ${describe(d.preReform)}`);
    }
  }
  if (root.case !== undefined) {
    const cs = c.object(root.case, '/case');
    c.keys(cs, new Set(['tieMarks', '$comment']), '/case');
    if (cs.tieMarks !== undefined) c.array(cs.tieMarks, '/case/tieMarks').forEach((m, i) => c.string(m, `/case/tieMarks/${i}`));
  }
  if (root.profiles !== undefined) {
    const ps = c.object(root.profiles, '/profiles');
    for (const [name, p] of Object.entries(ps)) {
      const at = `/profiles/${pointerSegment(name)}`;
      const po = c.object(p, at);
      c.keys(po, PROFILE_KEYS, at);
      if (po.upperCase !== undefined && typeof po.upperCase !== 'boolean') c.fail(`${at}/upperCase`, `must be true or false, found ${describe(po.upperCase)}`);
      if (po.replace !== undefined) c.stringMap(po.replace, `${at}/replace`);
      if (po.keepOnly !== undefined) c.string(po.keepOnly, `${at}/keepOnly`);
    }
  }
  if (root.samples !== undefined) {
    c.array(root.samples, '/samples').forEach((pair, i) => {
      const p = c.array(pair, `/samples/${i}`);
      if (p.length !== 2) c.fail(`/samples/${i}`, `must be a pair [cyrillic, latin], found ${p.length} items`);
      c.string(p[0], `/samples/${i}/0`);
      c.string(p[1], `/samples/${i}/1`);
    });
  }
  return root as unknown as SchemeSource;
}
