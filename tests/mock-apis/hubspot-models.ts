/**
 * HubSpot's own models of its API, as its official Node client (@hubspot/api-client, ISC, a
 * devDependency used only by tests) generates them from HubSpot's published OpenAPI documents:
 * each codegen folder's ObjectSerializer exports every model class (with its attributeTypeMap:
 * JSON name and type of each field) and every enum; which fields are required is read from the
 * model's declaration file (a property without `?`), parsed with TypeScript. Nothing is copied:
 * when HubSpot's client changes, these checks change with it.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const require = createRequire(import.meta.url);
const CODEGEN = path.join(path.dirname(require.resolve('@hubspot/api-client/package.json')), 'lib', 'codegen');

interface Attribute {
  name: string;
  baseName: string;
  type: string;
  format: string;
}
type ModelClass = { getAttributeTypeMap(): Attribute[] };

const modules = new Map<string, Record<string, unknown>>();
/** Every model and enum of a codegen folder ("crm/owners"), through its ObjectSerializer. */
function folderExports(folder: string): Record<string, unknown> {
  let m = modules.get(folder);
  if (!m) {
    m = require(path.join(CODEGEN, folder, 'models', 'ObjectSerializer.js')) as Record<string, unknown>;
    modules.set(folder, m);
  }
  return m;
}

const requiredCache = new Map<string, Set<string>>();
/** The JSON names of a model's required fields (declared without `?` in its .d.ts). */
export function requiredFields(folder: string, model: string): Set<string> {
  const key = `${folder}/${model}`;
  const hit = requiredCache.get(key);
  if (hit) return hit;
  const file = path.join(CODEGEN, folder, 'models', `${model}.d.ts`);
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const byName = new Map(attributes(folder, model).map((a) => [a.name, a.baseName]));
  const required = new Set<string>();
  source.forEachChild((node) => {
    if (!ts.isClassDeclaration(node) || node.name?.text !== model) return;
    for (const member of node.members) {
      if (!ts.isPropertyDeclaration(member) || member.questionToken) continue;
      if (member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) continue;
      const name = ts.isStringLiteral(member.name) || ts.isIdentifier(member.name) ? member.name.text : undefined;
      if (name) required.add(byName.get(name) ?? name);
    }
  });
  requiredCache.set(key, required);
  return required;
}

function attributes(folder: string, model: string): Attribute[] {
  const cls = folderExports(folder)[model] as ModelClass | undefined;
  if (!cls || typeof cls.getAttributeTypeMap !== 'function') throw new Error(`${folder} has no model ${model}`);
  return cls.getAttributeTypeMap();
}

export interface CheckOptions {
  /** "Model.field" whose value is not checked (a documented disagreement, with its reason). */
  skip?: Set<string>;
  /** "Model" -> extra JSON fields it may carry (documented elsewhere by HubSpot). */
  extra?: Record<string, string[]>;
}

/** What is wrong with `value` as a `type` of the folder's models: missing, mistyped or unknown fields. */
export function check(folder: string, type: string, value: unknown, where = '$', options: CheckOptions = {}): string[] {
  const t = type.trim();
  if (value === null || value === undefined) return t.endsWith('| null') || t === 'any' ? [] : [`${where} is ${value}`];
  if (t.endsWith('| null')) return check(folder, t.slice(0, -'| null'.length), value, where, options);
  const array = /^Array<(.+)>$/.exec(t);
  if (array) {
    if (!Array.isArray(value)) return [`${where} should be an array`];
    return value.flatMap((v, i) => check(folder, array[1]!, v, `${where}[${i}]`, options));
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(t);
  if (map) {
    if (typeof value !== 'object' || Array.isArray(value)) return [`${where} should be an object`];
    return Object.entries(value).flatMap(([k, v]) => check(folder, map[1]!, v, `${where}.${k}`, options));
  }
  switch (t) {
    case 'any':
      return [];
    case 'string':
      return typeof value === 'string' ? [] : [`${where} should be a string, is ${JSON.stringify(value)}`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${where} should be a boolean, is ${JSON.stringify(value)}`];
    case 'number':
    case 'integer':
    case 'double':
    case 'float':
    case 'long':
      return typeof value === 'number' ? [] : [`${where} should be a number, is ${JSON.stringify(value)}`];
    case 'Date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value))
        ? []
        : [`${where} should be a date-time, is ${JSON.stringify(value)}`];
  }
  const named = folderExports(folder)[t];
  if (named && typeof named === 'object') {
    // An enum: its values.
    return Object.values(named).includes(value)
      ? []
      : [`${where} should be one of ${Object.values(named).join(', ')}, is ${JSON.stringify(value)}`];
  }
  if (!named) return [`${where}: ${folder} has no type ${t}`];
  if (typeof value !== 'object' || Array.isArray(value)) return [`${where} should be a ${t} object`];
  const o = value as Record<string, unknown>;
  const attrs = attributes(folder, t);
  const problems: string[] = [];
  for (const field of requiredFields(folder, t))
    if (o[field] === undefined) problems.push(`${where} (${t}) lacks the required ${field}`);
  const known = new Set([...attrs.map((a) => a.baseName), ...(options.extra?.[t] ?? [])]);
  for (const k of Object.keys(o)) if (!known.has(k)) problems.push(`${where} (${t}) has the unknown field ${k}`);
  for (const a of attrs) {
    if (o[a.baseName] === undefined || options.skip?.has(`${t}.${a.baseName}`)) continue;
    problems.push(...check(folder, a.type, o[a.baseName], `${where}.${a.baseName}`, options));
  }
  return problems;
}
