import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, screenshot, setSetting } from './harness';
import { appUnderTest } from './app-under-test';
import { writeClaim } from './write-claim';

const app = appUnderTest();
let verifiedId: number;
let draftId: number;

const HOSTILE = '</script><script>window.__xss=1</script><img src=x onerror="window.__xss=1">';
const RATIONALE = `The **filing** shows *fewer* cars; see [the filing](https://port.example/filing).\n\n${HOSTILE}`;

/** Writes a verified claim (Markdown and hostile rationale, hostile summary, one source) and a draft through the API. */
async function seedClaims(): Promise<{ verified: number; draft: number }> {
  const [editor, reviewer] = await Promise.all([apiLogin(app.baseUrl, 'editor@example.com'), apiLogin(app.baseUrl, 'reviewer@example.com')]);
  const common = { claimant: 'Ingrid Valmont', claimantKind: 'person', rationale: RATIONALE, note: 'internal: ask legal' };
  const verified = await writeClaim(app.baseUrl, editor, {
    articleId: 1,
    phrase: '40,000 vehicles a day',
    type: 'statistic',
    fields: { ...common, claimText: 'The bridge will carry 40,000 vehicles a day', summary: `Bridge to carry 40,000 cars ${HOSTILE}` },
    verdict: 'Mostly false',
    source: { url: 'https://port.example/filing', title: 'Port filing', relation: 'refutes' },
    approvedBy: reviewer,
  });
  const draft = await writeClaim(app.baseUrl, editor, {
    articleId: 1,
    phrase: '28,000 vehicles',
    type: 'statistic',
    fields: { ...common, claimText: 'draft claim', summary: '' },
    verdict: 'Mostly false',
  });
  return { verified, draft };
}

beforeAll(async () => {
  ({ verified: verifiedId, draft: draftId } = await seedClaims());
});

describe('public fact-check page', () => {
  it('is a 404 while the organisation does not publish fact checks', async () => {
    await setSetting(app, 'publish_fact_checks', 'false');
    const res = await fetch(`${app.baseUrl}/fact-checks/${verifiedId}`, { redirect: 'manual' });
    expect(res.status).toBe(404);
  });

  it('renders for a logged-out reader once an admin turns publishing on, with the ClaimReview JSON-LD', async () => {
    await setSetting(app, 'publish_fact_checks', 'false');
    const admin = await app.newPage({ as: 'admin@example.com' });
    await admin.goto(`${app.baseUrl}/admin/settings`);
    await admin.getByLabel(/Publish verified claims as public/).check();
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByText('Settings saved.').waitFor();
    await admin.close();

    const page = await app.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const res = await page.goto(`${app.baseUrl}/fact-checks/${verifiedId}`);
    expect(res?.status()).toBe(200);
    expect(page.url()).toBe(`${app.baseUrl}/fact-checks/${verifiedId}`);
    expect(await page.locator('h1').textContent()).toBe(`Bridge to carry 40,000 cars ${HOSTILE}`);
    expect(await page.locator('.fact-check-rating').textContent()).toBe('Mostly false');
    expect(await page.locator('.markdown-text strong').first().textContent()).toBe('filing');
    expect(await page.locator('.markdown-text a').getAttribute('rel')).toBe('noopener nofollow ugc');
    const body = await page.locator('body').textContent();
    expect(body).not.toContain('internal: ask legal');
    expect(body).not.toContain('Erin Editor');
    expect(body).not.toContain('@example.com');
    const scripts = await page.locator('script[type="application/ld+json"]').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).not.toContain('<');
    const review = JSON.parse(scripts[0]) as Record<string, unknown>;
    expect(review).toMatchObject({
      '@type': 'ClaimReview',
      url: `${app.baseUrl}/fact-checks/${verifiedId}`,
      claimReviewed: `Bridge to carry 40,000 cars ${HOSTILE}`,
      reviewRating: { name: 'Mostly false', ratingValue: 2, bestRating: 6, worstRating: 1 },
      itemReviewed: { author: { '@type': 'Person', name: 'Ingrid Valmont' } },
    });
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    await screenshot(page, 'fact-check-page');
    await page.close();
  });

  it('is a 404 for a draft and for a claim that does not exist', async () => {
    expect((await fetch(`${app.baseUrl}/fact-checks/${draftId}`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/fact-checks/999999`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/fact-checks/abc`)).status).toBe(404);
  });
});

describe('rationale formatting in the app', () => {
  it('shows the rationale as formatted text on the claim page, hostile HTML as literal text', async () => {
    await setSetting(app, 'publish_fact_checks', 'true'); // for the link to the public page
    const page = await app.newPage({ as: 'reviewer@example.com' });
    await page.goto(`${app.baseUrl}/claims/${verifiedId}`);
    const rationale = page.locator('.claim-page .markdown-text').first();
    expect(await rationale.locator('strong').first().textContent()).toBe('filing');
    expect(await rationale.locator('em').first().textContent()).toBe('fewer');
    expect(await rationale.textContent()).toContain(HOSTILE);
    expect(await rationale.locator('img, script').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Public fact-check page' }).getAttribute('href')).toBe(`/fact-checks/${verifiedId}`);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.close();
  });
});

describe('publishing fields in the claim editor', () => {
  it('counts the short summary, warns past 75 characters without blocking, and saves it with the claimant kind', async () => {
    const page = await app.newPage({ as: 'editor@example.com' });
    await page.goto(`${app.baseUrl}/articles/1?claim=${draftId}`);
    const summary = page.getByLabel('Short summary');
    await summary.fill('The current bridge carries 28,000 vehicles a day');
    await page.locator('#summary-count').getByText('48 of 75 characters').waitFor();
    expect(await page.locator('#summary-count').getAttribute('class')).toBe('hint');
    const long = 'The current harbour bridge carries about 28,000 vehicles on a typical weekday today';
    await summary.fill(long);
    await page.locator('#summary-count').getByText(`${long.length} of 75 characters — Google suggests at most 75 for fact-check markup`).waitFor();
    expect(await page.locator('#summary-count').getAttribute('class')).toBe('field-warning');
    await page.getByLabel('Claimant is').selectOption('organization');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(async () => {
        const res = await page.request.get(`${app.baseUrl}/api/claims/${draftId}`);
        const claim = (await res.json()) as { summary: string; claimantKind: string | null };
        return [claim.summary, claim.claimantKind];
      })
      .toEqual([long, 'organization']);
    await page.close();
  });
});
