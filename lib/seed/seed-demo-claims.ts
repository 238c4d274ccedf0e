import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { articles, users, verdictScale, type ClaimStatus } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { createClaim } from '@/lib/claims/create-claim';
import { updateClaim } from '@/lib/claims/update-claim';
import { attachSource } from '@/lib/sources/attach-source';
import { transitionClaim } from '@/lib/review/transition-claim';
import type { ClaimView } from '@/lib/claims/claim-view';
import type { CLAIM_TYPES } from '@/db/schema';

type DemoClaim = {
  /** A unique passage of the sample article the claim is anchored to. */
  exact: string;
  type: (typeof CLAIM_TYPES)[number];
  claimant: string;
  status: Extract<ClaimStatus, 'draft' | 'in_review' | 'needs_changes' | 'verified'>;
  verdict?: string;
  rationale?: string;
  source?: { url: string; title: string; publisher: string; relation: 'supports' | 'refutes' | 'context'; excerpt: string };
  reviewComment?: string;
};

// One claim per workflow status, so the board, the review queue and the dashboard have something to show.
const DEMO_CLAIMS: DemoClaim[] = [
  {
    exact: 'about 12,000 troops and at least 40 tanks to within 15 kilometres of its border',
    type: 'statistic',
    claimant: 'Two Kessmarki defence officials (anonymous)',
    status: 'draft',
  },
  {
    exact: 'fewer than 3,000 soldiers were taking part',
    type: 'statistic',
    claimant: 'Mira Tavesko, Valdorian defence ministry',
    status: 'in_review',
    verdict: 'Unproven',
    rationale: 'The ministry gave no breakdown by unit, and the **Lenna Observation Mission** could not confirm any troop number.',
    source: {
      url: 'https://example.org/lenna-observation-mission/weekly-report-18',
      title: 'Weekly report 18 (fictional)',
      publisher: 'Lenna Observation Mission',
      relation: 'context',
      excerpt: 'The mission recorded a significant increase in military traffic but cannot confirm troop numbers.',
    },
  },
  {
    exact: 'more than 200 military rail cars',
    type: 'statistic',
    claimant: 'Anton Brelic, Kessmark foreign minister',
    status: 'needs_changes',
    verdict: 'Mostly true',
    rationale: 'Rail operator figures show heavy freight traffic into the border district.',
    source: {
      url: 'https://example.org/kessmark-rail/freight-bulletin-may',
      title: 'Freight bulletin, first week of May (fictional)',
      publisher: 'Kessmark State Railways',
      relation: 'supports',
      excerpt: 'Freight movements into the Orlitz district rose sharply over the week.',
    },
    reviewComment: 'The bulletin counts all freight cars, not military ones. Find a source for the military share or change the verdict.',
  },
  {
    exact: 'Defence spending will rise by 50 percent next year',
    type: 'prediction',
    claimant: 'Kessmark general staff',
    status: 'verified',
    verdict: 'True',
    rationale: 'The draft budget tabled in parliament raises defence spending from 2.4 to 3.6 billion crowns, an increase of *exactly* 50%.',
    source: {
      url: 'https://example.org/kessmark-parliament/draft-budget-2027',
      title: 'Draft state budget 2027 (fictional)',
      publisher: 'Parliament of Kessmark',
      relation: 'supports',
      excerpt: 'Defence: 3.6 billion crowns (2026: 2.4 billion).',
    },
  },
];

/**
 * Marks up the demo sample article with DEMO_CLAIMS through the normal services, so each claim carries its audit
 * events: written by the demo editor, reviewed by the demo reviewer. The caller runs it once (see seed).
 */
export async function seedDemoClaims(db: Db, articleId: number): Promise<void> {
  const actor = async (email: string): Promise<Actor> => {
    const [u] = await db.select().from(users).where(eq(users.email, email));
    return { id: u.id, role: u.role, name: u.name, email: u.email };
  };
  const editor = await actor('editor@example.com');
  const reviewer = await actor('reviewer@example.com');
  const [{ text }] = await db.select({ text: articles.bodyText }).from(articles).where(eq(articles.id, articleId));
  for (const demo of DEMO_CLAIMS) {
    const start = text.indexOf(demo.exact);
    if (start < 0) throw new Error(`Sample article lacks the demo claim text "${demo.exact}".`);
    let claim: ClaimView = await createClaim({
      actor: editor,
      input: { articleId, start, end: start + demo.exact.length, type: demo.type, claimant: demo.claimant },
    });
    if (demo.status === 'draft') continue;
    const [verdict] = await db.select().from(verdictScale).where(eq(verdictScale.label, demo.verdict!));
    claim = await updateClaim({ actor: editor, id: claim.id, input: { version: claim.version, verdictId: verdict.id, rationale: demo.rationale } });
    claim = (await attachSource({ actor: editor, claimId: claim.id, input: { ...demo.source, version: claim.version } })).claim;
    claim = await transitionClaim({ actor: editor, id: claim.id, input: { action: 'submit', version: claim.version } });
    if (demo.status === 'needs_changes') {
      await transitionClaim({
        actor: reviewer,
        id: claim.id,
        input: { action: 'request_changes', comment: demo.reviewComment, version: claim.version },
      });
    } else if (demo.status === 'verified') {
      await transitionClaim({ actor: reviewer, id: claim.id, input: { action: 'approve', version: claim.version } });
    }
  }
}
