/**
 * Field length limits shared by the claim services and the forms that mirror them. No imports: client components
 * read these (see lib/sources/limits.ts for why zod must stay out of the browser).
 */
export const CLAIM_TEXT_MAX = 5000;
export const CLAIMANT_MAX = 200;
export const NOTE_MAX = 5000;
export const RATIONALE_MAX = 20000;
export const COMMENT_MAX = 5000;
/** The short published form of a claim: hard limit, and the length Google suggests for ClaimReview claimReviewed (a warning). */
export const SUMMARY_MAX = 300;
export const SUMMARY_SUGGESTED = 75;
/** Tags on one claim: how many, and how long each may be (after trimming). */
export const TAGS_MAX = 12;
export const TAG_MAX = 40;
