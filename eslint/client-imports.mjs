// ESLint rule `claimdesk/client-imports`: code that runs in the browser imports nothing that needs the server.
// It checks 'use client' files and everything under components/ (except 'use server' action files), and follows
// their value imports through the repo's own modules, so a lib helper that reaches the database three files down
// is caught at the import that pulls it in. Type-only imports are erased by the compiler and never checked.
// Verdicts are cached for the process (one `eslint` run); an editor's lint server may need a restart after a move.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSIONS = ['', '.ts', '.tsx', '.mjs', '.js', '/index.ts', '/index.tsx'];

/** Why a bare import may not reach the browser, or null when it may. */
function forbiddenPackage(spec) {
  if (spec === 'server-only') return 'server-only';
  if (spec === 'next/headers') return 'next/headers';
  if (spec === 'drizzle-orm' || spec.startsWith('drizzle-orm/') || spec === 'better-sqlite3') return spec;
  // zod 4 probes `new Function` when a schema is built, which the nonce CSP refuses: forms read limits.ts instead.
  if (spec === 'zod' || spec.startsWith('zod/')) return 'zod (its schemas break the CSP in the browser; read a limits.ts)';
  if (spec.startsWith('node:')) return spec;
  return null;
}

/** The repo file an import names (alias `@/` or relative), or null for a package. */
function resolve(spec, fromFile) {
  let base;
  if (spec.startsWith('@/')) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(fromFile), spec);
  else return null;
  for (const ext of EXTENSIONS) {
    const file = base + ext;
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return base; // unresolved: judged by its path alone
}

/** The database layer, except the dependency-free enums module. */
function isDbModule(file) {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  return rel.startsWith('db/') && !/^db\/enums(\.ts)?$/.test(rel);
}

/** The directive prologue ('use client', 'use server') of a parsed file. */
function directives(statements) {
  const found = [];
  for (const s of statements) {
    if (!ts.isExpressionStatement(s) || !ts.isStringLiteral(s.expression)) break;
    found.push(s.expression.text);
  }
  return found;
}

/** Value imports and re-exports of a file (type-only ones left out). */
function valueImports(sourceFile) {
  const specs = [];
  for (const s of sourceFile.statements) {
    if (ts.isImportDeclaration(s)) {
      const clause = s.importClause;
      const typeOnly =
        clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            clause.namedBindings &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) specs.push(s.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier && !s.isTypeOnly) {
      specs.push(s.moduleSpecifier.text);
    }
  }
  return specs;
}

const parsed = new Map();
function parse(file) {
  if (!parsed.has(file)) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    parsed.set(file, ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false));
  }
  return parsed.get(file);
}

const verdicts = new Map();
/** Why importing `file` would pull server code into the browser ("a.ts -> b.ts -> zod"), or null. */
function serverReach(file) {
  if (verdicts.has(file)) return verdicts.get(file);
  verdicts.set(file, null); // an import cycle adds nothing new
  let reason = null;
  if (isDbModule(file)) reason = `${path.relative(ROOT, file)} (the database layer; only db/enums is client-safe)`;
  else if (/\.(ts|tsx|mjs|js)$/.test(file)) {
    const source = parse(file);
    // A 'use server' module reaches the browser as a reference to call, not as code.
    if (!directives(source.statements).includes('use server')) {
      for (const spec of valueImports(source)) {
        const why = reasonFor(spec, file);
        if (why) {
          reason = `${path.relative(ROOT, file)} -> ${why}`;
          break;
        }
      }
    }
  }
  verdicts.set(file, reason);
  return reason;
}

function reasonFor(spec, fromFile) {
  const target = resolve(spec, fromFile);
  return target ? serverReach(target) : forbiddenPackage(spec);
}

/** True for files whose code runs in the browser (or may: shared components). */
function isClientFile(filename, statements) {
  const found = directives(statements);
  if (found.includes('use server')) return false;
  if (found.includes('use client')) return true;
  return path.relative(ROOT, filename).split(path.sep)[0] === 'components';
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Client components import nothing from db/ (but db/enums), server-only, next/headers, or lib modules that reach them' },
    schema: [],
    messages: { serverImport: "'{{spec}}' is not client-safe: {{why}}." },
  },
  create(context) {
    const filename = context.filename;
    let client = false;
    function check(node) {
      if (!client || !node.source || node.importKind === 'type' || node.exportKind === 'type') return;
      if (node.type === 'ImportDeclaration' && node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type')) return;
      const spec = node.source.value;
      const why = reasonFor(spec, filename);
      if (why) context.report({ node: node.source, messageId: 'serverImport', data: { spec, why } });
    }
    return {
      Program() {
        const sourceFile = ts.createSourceFile(filename, context.sourceCode.text, ts.ScriptTarget.Latest, false);
        client = isClientFile(filename, sourceFile.statements);
      },
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
    };
  },
};

export const claimdeskPlugin = { rules: { 'client-imports': rule } };
