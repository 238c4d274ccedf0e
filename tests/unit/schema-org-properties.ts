import fs from 'node:fs';
import path from 'node:path';

type Vocabulary = { parents: Record<string, string | null>; properties: Record<string, string[]> };
const vocabulary: Vocabulary = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/schema-org-properties.json'), 'utf8'));

/** The type and its ancestors in the kept schema.org hierarchy (ClaimReview -> Review -> CreativeWork -> Thing). */
function lineage(type: string): string[] {
  const out: string[] = [];
  for (let t: string | null | undefined = type; t; t = vocabulary.parents[t]) out.push(t);
  return out;
}

/**
 * Every property of a JSON-LD node tree that is not in tests/fixtures/schema-org-properties.json, or whose schema.org
 * domain does not include the node's @type or one of its ancestors. Keys starting with @ are JSON-LD keywords.
 */
export function schemaOrgViolations(node: unknown, holder = ''): string[] {
  if (Array.isArray(node)) return node.flatMap((n) => schemaOrgViolations(n, holder));
  if (typeof node !== 'object' || node === null) return [];
  const obj = node as Record<string, unknown>;
  const type = typeof obj['@type'] === 'string' ? (obj['@type'] as string) : holder;
  if (!(type in vocabulary.parents)) return [`unknown type ${JSON.stringify(type)}`];
  const out: string[] = [];
  for (const [key, value] of Object.entries(obj)) {
    if (key.startsWith('@') || value === undefined) continue;
    const domain = vocabulary.properties[key];
    if (!domain) out.push(`${type}.${key} is not in the schema.org list`);
    else if (!lineage(type).some((t) => domain.includes(t)))
      out.push(`${type}.${key}: schema.org defines ${key} on ${domain.join('/')}, not on ${type} or its parents`);
    out.push(...schemaOrgViolations(value, type));
  }
  return out;
}
