/** Limits of a verdict scale step, shared by the verdict input schema and the admin forms. No imports: client-safe. */
export const VERDICT_LABEL_MAX = 60;
/** ClaimReview ratingValue range an admin may give a verdict. */
export const VERDICT_RATING_MIN = 1;
export const VERDICT_RATING_MAX = 100;
