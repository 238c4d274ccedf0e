import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { z } from 'zod';
import { plainText } from '@/lib/validation';
import { normaliseTag } from './normalise-tags';
import { TAG_MAX } from './limits';

/**
 * A "claims carrying this tag" filter as it arrives (board, search, exports): compared normalised, as tags are
 * stored, so "Elections " finds "elections". Anything longer than a stored tag can be is refused rather than matching
 * nothing (the raw cap leaves room for white space that normalising removes).
 */
export const tagFilterInput = () =>
  plainText()
    .max(TAG_MAX * 4, `A tag is at most ${TAG_MAX} characters.`)
    .transform(normaliseTag)
    .pipe(z.string().min(1, 'A tag needs a character other than white space.').max(TAG_MAX, `A tag is at most ${TAG_MAX} characters.`));

/**
 * SQL true when the claim whose id is `claimId` (a column or alias such as sql`c.id`) carries the normalised `tag`.
 * An IN over claim_tags, whose (tag, claim_id) index gives the tagged ids in one range read on both engines.
 */
export function claimHasTag(claimId: SQLWrapper, tag: string): SQL {
  return sql`${claimId} in (select t.claim_id from claim_tags t where t.tag = ${tag})`;
}
