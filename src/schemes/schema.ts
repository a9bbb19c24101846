/**
 * Checks a JSON value against one of the project's JSON Schemas (scheme.schema.json,
 * language.schema.json), so that the structure of a data file is described once, in the schema,
 * and the validator's messages still say what is wrong where: a JSON pointer and a reason.
 *
 * Only the keywords the two schemas use are understood ({@link SCHEMA_KEYWORDS}); a test fails if
 * a schema uses another. `anyOf` is left to the caller, whose message can say more
 * (validate.ts). Messages: a wrong type is "must be a string, found a number"; a failed pattern or
 * item count is "must be " + the field's `description`; an unknown key names the allowed ones.
 */

/** The subset of JSON Schema (draft-07) that the data files' schemas are written in. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $comment?: string;
  title?: string;
  description?: string;
  type?: 'object' | 'string' | 'array' | 'boolean';
  properties?: Record<string, JsonSchema>;
  additionalProperties?: false | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  propertyNames?: { pattern: string; description?: string };
  required?: string[];
  enum?: string[];
  pattern?: string;
  maxLength?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  definitions?: Record<string, JsonSchema>;
}

/**
 * The longest string a data file may hold where its schema sets no `maxLength`: the longest note
 * of a built-in scheme is a few hundred characters. A longer one is a mistake, or an attempt to
 * make every letter of a text cost megabytes.
 */
export const MAX_STRING_LENGTH = 4096;

/** Keywords this checker applies, and annotations it may ignore; `anyOf` is the caller's. */
export const SCHEMA_KEYWORDS: readonly string[] = [
  '$ref', 'type', 'properties', 'additionalProperties', 'patternProperties', 'propertyNames', 'required', 'enum', 'pattern', 'maxLength', 'items', 'minItems', 'maxItems', 'oneOf',
  'anyOf', '$schema', '$id', '$comment', 'title', 'description', 'definitions',
];

/** Escapes one JSON pointer segment (RFC 6901). */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** How a value is named in messages: `a number`, `an array`, `the string "…"`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`;
}

const TYPE_PHRASE = { object: 'an object', string: 'a string', array: 'an array', boolean: 'true or false' } as const;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const patterns = new Map<string, RegExp>();
function regex(source: string): RegExp {
  let re = patterns.get(source);
  if (re === undefined) patterns.set(source, (re = new RegExp(source, 'u')));
  return re;
}

/** Reports a problem at a JSON pointer (the caller throws). */
export type Fail = (pointer: string, reason: string) => never;

function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (schema.$ref === undefined) return schema;
  const name = schema.$ref.replace(/^#\/definitions\//, '');
  const target = root.definitions?.[name];
  if (target === undefined) throw new Error(`schema: unresolved $ref ${schema.$ref}`);
  // The referring schema's own description (a field's) wins over the definition's.
  return schema.description === undefined ? target : { ...target, description: schema.description };
}

/**
 * Checks `value` against `schema` (with `$ref`s into `root`), calling `fail` at the first
 * problem found, depth first in the order of the schema's properties.
 */
export function checkSchema(value: unknown, schema: JsonSchema, root: JsonSchema, pointer: string, fail: Fail): void {
  const s = resolveRef(schema, root);
  if (s.oneOf !== undefined) {
    const fits = s.oneOf.map((alt) => resolveRef(alt, root)).find((alt) => alt.type === undefined || alt.type === typeOf(value));
    if (fits === undefined) {
      const phrases = s.oneOf.map((alt) => TYPE_PHRASE[resolveRef(alt, root).type!]);
      fail(pointer, `must be ${phrases.join(' or ')}, found ${describeValue(value)}`);
    }
    checkSchema(value, fits, root, pointer, fail);
  }
  if (s.type !== undefined && typeOf(value) !== s.type) fail(pointer, `must be ${TYPE_PHRASE[s.type]}, found ${describeValue(value)}`);
  if (s.enum !== undefined && !s.enum.includes(value as string)) {
    const list = s.enum.map((v) => JSON.stringify(v));
    fail(pointer, `must be ${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}, found ${describeValue(value)}`);
  }
  if (typeof value === 'string' && value.length > (s.maxLength ?? MAX_STRING_LENGTH)) {
    // Before the pattern: a huge string is refused without being matched or quoted.
    fail(pointer, `is ${value.length} characters long, more than the limit of ${s.maxLength ?? MAX_STRING_LENGTH} for ${s.maxLength === undefined ? 'any text of a data file' : 'this field'}`);
  }
  if (s.pattern !== undefined && typeof value === 'string' && !regex(s.pattern).test(value)) {
    fail(pointer, `must be ${s.description ?? `a string matching ${s.pattern}`}, found ${JSON.stringify(value)}`);
  }
  if (Array.isArray(value)) checkArray(value, s, root, pointer, fail);
  else if (typeof value === 'object' && value !== null) checkObject(value as Record<string, unknown>, s, root, pointer, fail);
}

function checkArray(value: unknown[], s: JsonSchema, root: JsonSchema, pointer: string, fail: Fail): void {
  const { minItems, maxItems } = s;
  if ((minItems !== undefined && value.length < minItems) || (maxItems !== undefined && value.length > maxItems)) {
    if (minItems === 1 && value.length === 0) fail(pointer, 'must not be empty');
    fail(pointer, `must be ${s.description ?? `${minItems ?? 0} to ${maxItems ?? 'any number of'} items`}, found ${value.length} items`);
  }
  if (s.items !== undefined) value.forEach((item, i) => checkSchema(item, s.items!, root, `${pointer}/${i}`, fail));
}

function checkObject(value: Record<string, unknown>, s: JsonSchema, root: JsonSchema, pointer: string, fail: Fail): void {
  const properties = s.properties ?? {};
  for (const key of Object.keys(value)) {
    const at = `${pointer}/${pointerSegment(key)}`;
    if (s.propertyNames !== undefined && !regex(s.propertyNames.pattern).test(key)) {
      fail(at, `key must be ${s.propertyNames.description ?? `a string matching ${s.propertyNames.pattern}`}, found ${JSON.stringify(key)}`);
    }
    if (s.additionalProperties === false && !Object.hasOwn(properties, key)) {
      fail(at, `unknown field ${JSON.stringify(key)} (allowed: ${Object.keys(properties).filter((k) => !k.startsWith('$')).join(', ')})`);
    }
  }
  for (const key of s.required ?? []) if (!Object.hasOwn(value, key)) fail(`${pointer}/${pointerSegment(key)}`, 'is required');
  for (const [key, sub] of Object.entries(properties)) {
    if (Object.hasOwn(value, key)) checkSchema(value[key], sub, root, `${pointer}/${pointerSegment(key)}`, fail);
  }
  for (const [key, item] of Object.entries(value)) {
    if (Object.hasOwn(properties, key)) continue;
    const at = `${pointer}/${pointerSegment(key)}`;
    for (const [pattern, sub] of Object.entries(s.patternProperties ?? {})) if (regex(pattern).test(key)) checkSchema(item, sub, root, at, fail);
    if (typeof s.additionalProperties === 'object') checkSchema(item, s.additionalProperties, root, at, fail);
  }
}
