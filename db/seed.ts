import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { articles, settings, users, verdictScale, type Role } from './schema';
import { hashPassword } from '@/lib/auth/passwords';
import { convertArticle } from '@/lib/articles/convert';
import { contentHash } from '@/lib/articles/create-article';

export const DEMO_PASSWORD = 'claimdesk-demo';
export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'editor@example.com', name: 'Erin Editor', role: 'editor' },
  { email: 'reviewer@example.com', name: 'Riley Reviewer', role: 'reviewer' },
  { email: 'admin@example.com', name: 'Ada Admin', role: 'admin' },
];

/** The default rating scale in display order (ClaimReview ratingValue: 1 = worst); Unproven is off the true/false axis. */
export const DEFAULT_VERDICTS = [
  { label: 'True', rating: 6, color: '#1a7f37', unrated: false },
  { label: 'Mostly true', rating: 5, color: '#4d9a2a', unrated: false },
  { label: 'Half true', rating: 4, color: '#b08800', unrated: false },
  { label: 'Misleading', rating: 3, color: '#d4700b', unrated: false },
  { label: 'Mostly false', rating: 2, color: '#cf4d1f', unrated: false },
  { label: 'False', rating: 1, color: '#c62828', unrated: false },
  { label: 'Unproven', rating: 1, color: '#6e7781', unrated: true },
];

/** Seeds what a fresh database needs; each part runs only once (safe on every start). */
export async function seed(db: Db, options: { demo: boolean }): Promise<string[]> {
  const done: string[] = [];
  if (db.select({ n: sql<number>`count(*)` }).from(verdictScale).get()!.n === 0) {
    db.insert(verdictScale)
      .values(DEFAULT_VERDICTS.map((v, i) => ({ ...v, sort: i + 1 })))
      .run();
    done.push('verdict scale');
  }
  if (options.demo && !flag(db, 'demo_seeded')) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    db.transaction((tx) => {
      tx.insert(users)
        .values(DEMO_USERS.map((u) => ({ ...u, passwordHash })))
        .onConflictDoNothing()
        .run();
      const editor = tx.select().from(users).where(eq(users.email, 'editor@example.com')).get()!;
      const sample = fs.readFileSync(path.join(process.cwd(), 'db/sample/harbor-bridge.txt'), 'utf8');
      const converted = convertArticle({ format: 'text', content: sample });
      tx.insert(articles)
        .values({
          title: converted.title ?? 'Sample article',
          publisher: 'Claimdesk sample',
          publishedAt: converted.publishedAt,
          bodyJson: converted.doc,
          bodyText: converted.text,
          contentHash: contentHash(converted.text),
          createdBy: editor.id,
        })
        .run();
      tx.insert(settings).values({ key: 'demo_seeded', value: new Date().toISOString() }).run();
    });
    done.push('demo accounts and sample article');
  }
  return done;
}

function flag(db: Db, key: string): boolean {
  return !!db.select().from(settings).where(eq(settings.key, key)).get();
}
