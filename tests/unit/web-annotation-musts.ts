/**
 * The MUST-level requirements of the W3C Web Annotation Data Model (Recommendation, 23 February 2017), sections 3.1
 * to 3.3, written for Claimdesk from the specification text (https://www.w3.org/TR/annotation-model/). Each check
 * names its section. `mustViolations(annotation)` returns one message per broken requirement (empty = conforming).
 * It checks the JSON serialisation the spec's section 3 examples use (the anno.jsonld context's compact keys).
 */

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
// RFC 3987 absolute IRI: a scheme, a colon, then no whitespace or characters IRIs exclude.
const IRI = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>"{}|\\^`]+$/;
// xsd:dateTime (XML Schema 1.1 part 2): date, T, time, optional fraction and timezone.
const XSD_DATE_TIME = /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?$/;
// 3.3.5: the thirteen Motivation instances; anything else must be an IRI of a new Motivation.
const MOTIVATIONS = new Set([
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
]);
const TEXT_DIRECTIONS = new Set(['ltr', 'rtl', 'auto']);

type Json = unknown;
type Obj = Record<string, Json>;

const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: Json): Json[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const isIri = (v: Json) => typeof v === 'string' && IRI.test(v);
const types = (o: Obj) => asList(o.type).filter((t): t is string => typeof t === 'string');

/** All MUST violations of sections 3.1-3.3 in one annotation, as "section: message" strings. */
export function mustViolations(annotation: Json): string[] {
  const out: string[] = [];
  const fail = (section: string, message: string) => out.push(`${section}: ${message}`);
  if (!isObj(annotation)) return ['3.1: an Annotation is a JSON object'];
  const a = annotation;

  // 3.1 Annotations
  const contexts = asList(a['@context']);
  if (contexts.length === 0) fail('3.1', 'MUST have 1 or more @context values');
  if (!contexts.includes(ANNO_CONTEXT)) fail('3.1', `${ANNO_CONTEXT} MUST be one of the @context values`);
  if (Array.isArray(a['@context']) && a['@context'].length === 1) fail('3.1', 'a single @context value MUST be given as a string');
  if (!isIri(a.id)) fail('3.1', 'MUST have exactly 1 IRI that identifies it (id)');
  if (types(a).length === 0 || !types(a).includes('Annotation')) fail('3.1', 'MUST have 1 or more types, and Annotation MUST be one of them');
  const targets = asList(a.target);
  if (targets.length === 0) fail('3.1', 'MUST have 1 or more Targets');

  // 3.2.5 String Body
  if (a.bodyValue !== undefined) {
    if (a.body !== undefined) fail('3.2.5', 'bodyValue MUST NOT be used together with body');
    if (typeof a.bodyValue !== 'string') fail('3.2.5', 'there MUST be exactly 1 bodyValue and it MUST be a single string');
  }

  // 3.2 Bodies and Targets (and 3.3 properties on each of them)
  asList(a.body).forEach((b, i) => checkResource(b, `body[${i}]`, fail));
  targets.forEach((t, i) => checkResource(t, `target[${i}]`, fail));

  // 3.3.1 Lifecycle, 3.3.2 Agents
  checkLifecycle(a, 'annotation', fail);
  // 3.3.5 Motivation
  for (const m of asList(a.motivation)) {
    if (typeof m !== 'string' || !(MOTIVATIONS.has(m) || isIri(m)))
      fail('3.3.5', `motivation ${JSON.stringify(m)} MUST be a Motivation instance (one of the 13 or an IRI)`);
  }
  if (a.purpose !== undefined) fail('3.3.5', 'purpose belongs to a Textual Body or Specific Resource, not the Annotation');
  // 3.3.6 Rights, 3.3.7 Other identities
  checkRightsAndIdentities(a, 'annotation', fail);
  return out;
}

type Fail = (section: string, message: string) => void;

function checkResource(r: Json, where: string, fail: Fail): void {
  if (typeof r === 'string') {
    if (!isIri(r)) fail('3.2.1', `${where}: an External Web Resource given as a string MUST be its IRI`);
    return;
  }
  if (!isObj(r)) return fail('3.2', `${where}: MUST be an IRI or a resource object`);
  const kinds = types(r);
  if (kinds.includes('TextualBody')) {
    // 3.2.4 Embedded Textual Body
    if (typeof r.value !== 'string') fail('3.2.4', `${where}: a TextualBody MUST have exactly 1 value, a single string`);
    if (r.id !== undefined && !isIri(r.id)) fail('3.2.4', `${where}: the id of a TextualBody MUST be an IRI`);
  } else if (kinds.includes('SpecificResource') || r.source !== undefined || r.selector !== undefined) {
    // A Specific Resource (section 4) wraps exactly one source, itself a resource checked like any other.
    const sources = asList(r.source);
    if (sources.length !== 1) fail('4', `${where}: a SpecificResource MUST have exactly 1 source`);
    sources.forEach((s) => checkResource(s, `${where}.source`, fail));
  } else if (kinds.includes('Choice')) {
    // 3.2.7 Choice: one or more items, each a body.
    const items = asList(r.items);
    if (items.length === 0) fail('3.2.7', `${where}: a Choice MUST have 1 or more items`);
    items.forEach((item, i) => checkResource(item, `${where}.items[${i}]`, fail));
  } else {
    // 3.2.1 External Web Resource
    if (!isIri(r.id)) fail('3.2.1', `${where}: an External Web Resource MUST have exactly 1 IRI (id)`);
    // 3.3.5: purpose is a relationship of a Textual Body or Specific Resource only.
    if (r.purpose !== undefined) fail('3.3.5', `${where}: purpose MUST NOT be on an External Web Resource (wrap it in a SpecificResource)`);
  }
  if (r.textDirection !== undefined && !(typeof r.textDirection === 'string' && TEXT_DIRECTIONS.has(r.textDirection))) {
    fail('3.2.1', `${where}: textDirection MUST be one of ltr, rtl, auto`);
  }
  if (Array.isArray(r.textDirection)) fail('3.2.1', `${where}: there MAY be exactly 1 textDirection`);
  if (Array.isArray(r.processingLanguage)) fail('3.2.1', `${where}: there MAY be exactly 1 processingLanguage`);
  for (const p of asList(r.purpose)) {
    if (typeof p !== 'string' || !(MOTIVATIONS.has(p) || isIri(p)))
      fail('3.3.5', `${where}: purpose ${JSON.stringify(p)} MUST be a Motivation instance`);
  }
  checkLifecycle(r, where, fail);
  checkRightsAndIdentities(r, where, fail);
}

/** 3.3.1 created/modified/generated as single xsd:dateTime; 3.3.2 creator/generator agents. */
function checkLifecycle(o: Obj, where: string, fail: Fail): void {
  for (const key of ['created', 'modified', 'generated']) {
    if (o[key] === undefined) continue;
    if (typeof o[key] !== 'string' || !XSD_DATE_TIME.test(o[key] as string)) fail('3.3.1', `${where}: ${key} MUST be exactly 1 xsd:dateTime`);
  }
  for (const key of ['creator', 'generator']) {
    asList(o[key]).forEach((agent, i) => checkAgent(agent, `${where}.${key}[${i}]`, fail));
  }
}

/** 3.3.2 Agents: an IRI, or an object whose id (at most 1), email (mailto:) and homepage values are IRIs. */
function checkAgent(agent: Json, where: string, fail: Fail): void {
  if (typeof agent === 'string') {
    if (!isIri(agent)) fail('3.3.2', `${where}: an Agent given as a string MUST be an IRI`);
    return;
  }
  if (!isObj(agent)) return fail('3.3.2', `${where}: an Agent MUST be an IRI or an object`);
  if (agent.id !== undefined && !isIri(agent.id)) fail('3.3.2', `${where}: an Agent MAY have exactly 1 IRI as id`);
  if (Array.isArray(agent.nickname) && agent.nickname.length > 1) fail('3.3.2', `${where}: an Agent MAY have exactly 1 nickname`);
  for (const name of asList(agent.name)) if (typeof name !== 'string') fail('3.3.2', `${where}: name values MUST be strings`);
  for (const email of asList(agent.email)) {
    if (typeof email !== 'string' || !email.startsWith('mailto:')) fail('3.3.2', `${where}: email MUST be a mailto: IRI`);
  }
  for (const page of asList(agent.homepage)) if (!isIri(page)) fail('3.3.2', `${where}: homepage MUST be an IRI`);
}

/** 3.3.6 rights and 3.3.7 canonical/via: IRIs (canonical exactly one). */
function checkRightsAndIdentities(o: Obj, where: string, fail: Fail): void {
  for (const r of asList(o.rights)) if (!isIri(r)) fail('3.3.6', `${where}: rights MUST be IRIs`);
  if (o.canonical !== undefined && !isIri(o.canonical)) fail('3.3.7', `${where}: canonical MUST be exactly 1 IRI`);
  for (const v of asList(o.via)) if (!isIri(v)) fail('3.3.7', `${where}: via MUST be IRIs`);
}
