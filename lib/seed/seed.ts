import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { runInTransaction, type Db } from '@/db/client';
import { articles, settings, users, verdictScale, type Role } from '@/db/schema';
import { hashPassword } from '@/lib/auth/passwords';
import { convertArticle } from '@/lib/articles/convert';
import { contentHash } from '@/lib/articles/create-article';
import { seedDemoClaims } from './seed-demo-claims';

export const DEMO_PASSWORD = 'claimdesk-demo';
export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'editor@example.com', name: 'Erin Editor', role: 'editor' },
  { email: 'reviewer@example.com', name: 'Riley Reviewer', role: 'reviewer' },
  { email: 'admin@example.com', name: 'Ada Admin', role: 'admin' },
];

/**
 * The default rating scale in display order (ClaimReview ratingValue: 1 = worst); Unproven is off the true/false axis.
 * Colours carry white badge text at 5:1 or more and stay apart from each other and from the Needs changes orange
 * (CIEDE2000 distance, checked in tests/unit/colour-contrast.test.ts): Misleading is magenta, not a third orange.
 */
export const DEFAULT_VERDICTS = [
  { label: 'True', rating: 6, color: '#1a7f37', unrated: false },
  { label: 'Mostly true', rating: 5, color: '#557a0b', unrated: false },
  { label: 'Half true', rating: 4, color: '#8a6100', unrated: false },
  { label: 'Misleading', rating: 3, color: '#a4307e', unrated: false },
  { label: 'Mostly false', rating: 2, color: '#b5360f', unrated: false },
  { label: 'False', rating: 1, color: '#8f1239', unrated: false },
  { label: 'Unproven', rating: 1, color: '#5d6670', unrated: true },
];

/** Seeds what a fresh database needs; each part runs only once (safe on every start). */
/**
 * `demo` adds the demo accounts and sample articles; `demoClaims` also marks up the build-up sample with claims at
 * every status (first start of the app; tests leave it off so each test creates the claims it counts).
 */
export async function seed(db: Db, options: { demo: boolean; demoClaims?: boolean }): Promise<string[]> {
  const done: string[] = [];
  if ((await db.$count(verdictScale)) === 0) {
    await db.insert(verdictScale).values(DEFAULT_VERDICTS.map((v, i) => ({ ...v, sort: i + 1 })));
    done.push('verdict scale');
  }
  if (options.demo && !(await flag(db, 'demo_seeded'))) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    // One transaction around everything, so a failed start leaves nothing half-seeded and the next start retries;
    // the services' own transactions nest inside it as savepoints.
    await runInTransaction(async (tx) => {
      await tx
        .insert(users)
        .values(DEMO_USERS.map((u) => ({ ...u, passwordHash })))
        .onConflictDoNothing();
      const [editor] = await tx.select().from(users).where(eq(users.email, 'editor@example.com'));
      // The harbour story stays article 1: tests anchor claims to its text. The build-up story is the one to show.
      await insertSample(tx, 'harbor-bridge.txt', editor.id);
      const sampleId = await insertSample(tx, 'border-buildup.txt', editor.id);
      await tx.insert(settings).values({ key: 'demo_seeded', value: new Date().toISOString() });
      if (options.demoClaims) await seedDemoClaims(tx, sampleId);
    });
    done.push(options.demoClaims ? 'demo accounts, sample articles and claims' : 'demo accounts and sample articles');
  }
  return done;
}

/** Inserts a sample article from db/sample and returns its id. */
async function insertSample(tx: Db, file: string, createdBy: number): Promise<number> {
  const converted = convertArticle({ format: 'text', content: fs.readFileSync(path.join(process.cwd(), 'db/sample', file), 'utf8') });
  const [row] = await tx
    .insert(articles)
    .values({
      title: converted.title ?? 'Sample article',
      publisher: 'Claimdesk sample',
      publishedAt: converted.publishedAt,
      bodyJson: converted.doc,
      bodyText: converted.text,
      contentHash: contentHash(converted.text),
      createdBy,
    })
    .returning({ id: articles.id });
  return row.id;
}

async function flag(db: Db, key: string): Promise<boolean> {
  return (await db.$count(settings, eq(settings.key, key))) > 0;
}
