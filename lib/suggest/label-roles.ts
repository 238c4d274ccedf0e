import type { Speaker } from './mentions';

/*
 * Transcript labels name a member's role or seat in parentheses: "The Hon. Helena PARRISH (Minister for Water)",
 * "Mr Tobias GRANT (Eastvale)". Speakers then refer to each other by those: "the minister", "the Premier",
 * "the member for Eastvale", "the member" (whoever they answer). This maps such descriptions to the labelled person.
 */

/** Words around a role that do not change who is meant: "Even the honourable member himself". */
const NOISE = /\b(?:even|only|the|hon(?:ou?rable)?\.?|right|my|himself|herself|themselves|friend|learned)\b/g;
/** A parenthesis that is a time or a procedural note, not a role: "(14:03)", "(by video link)". */
const NOT_A_ROLE = /^[\d:.\s]+$|^by\s/i;
/** Labels of a presiding officer, whom members speak through rather than to. */
const PRESIDING = /^(?:the )?(?:deputy )?(?:speaker|president)$/i;

const normalise = (words: string) => words.toLowerCase().replace(NOISE, ' ').replace(/\s+/g, ' ').trim();

/** A role or seat named in a turn's words, at `start`, and whom it names. */
export interface RoleMention {
  start: number;
  speaker: Speaker;
}

/** How many words after "the" a role may take: "the Minister for Water Security". */
const MAX_ROLE_WORDS = 6;
const WORD = /^[\p{L}.'’-]+/u;
const HONORIFIC_GENDER: Array<[RegExp, 'm' | 'f']> = [
  [/^mr\.?\s/i, 'm'],
  [/^(?:ms|mrs|miss|madam|dame|lady)\.?\s/i, 'f'],
];

/** Roles and seats seen in labels, each with the person it belongs to. */
export class LabelRoles {
  /** Gender a label's honorific shows ("Mr GRANT"), by name. */
  private readonly genders = new Map<string, 'm' | 'f'>();
  private readonly roles = new Map<string, Speaker>();
  private readonly seats = new Map<string, Speaker>();
  /** Ministers by name, so "the minister" can find the one addressed in constant time. */
  private readonly ministers = new Map<string, Speaker>();

  /** Records one label: its words ("Mr Tobias GRANT") and parentheses ("Minister for Planning", "Eastvale"). */
  add(speaker: Speaker, label: string, parentheses: string[]): void {
    const gender = HONORIFIC_GENDER.find(([re]) => re.test(label))?.[1];
    if (gender) this.genders.set(speaker.name, gender);
    for (const raw of parentheses) {
      if (NOT_A_ROLE.test(raw.trim())) continue;
      const key = normalise(raw);
      // "Premier", "Minister for X", "Leader of the Opposition" are roles; a capitalised place is a seat
      const target = /^(?:minister|premier|prime|treasurer|leader|attorney|secretary|deputy|chief|president)\b/.test(key) ? this.roles : this.seats;
      target.set(key, speaker);
      if (key.startsWith('minister')) this.ministers.set(speaker.name, speaker);
    }
  }

  /**
   * The labelled person a description names, or null: "the member for Eastvale" (a seat), "the Premier",
   * "the Minister for Planning" (roles), "the minister" (the addressee when a minister, else the only minister),
   * "the member" (the addressee).
   */
  resolve(description: string, addressee: Speaker | null): Speaker | null {
    const words = normalise(description);
    const seat = /^member for (.+)$/.exec(words);
    if (seat) return this.seats.get(seat[1]) ?? null;
    if (words === 'member') return addressee;
    const role = this.roles.get(words);
    if (role) return role;
    if (words !== 'minister') return null;
    const addressed = addressee ? this.ministers.get(addressee.name) : undefined;
    return addressed ?? (this.ministers.size === 1 ? [...this.ministers.values()][0] : null);
  }

  /** The gender a label's honorific gave this person, or null. */
  genderOf(speaker: Speaker): 'm' | 'f' | null {
    return this.genders.get(speaker.name) ?? null;
  }

  /**
   * Roles and seats named in `text` from `from` to `to` ("the member for Lowmere", "the Premier"), in order,
   * so a later "she" can refer back to them. Constant work per "the".
   */
  mentionsIn(text: string, from: number, to: number, addressee: Speaker | null): RoleMention[] {
    const found: RoleMention[] = [];
    const lower = text.slice(from, to).toLowerCase();
    for (let at = lower.indexOf('the '); at >= 0; at = lower.indexOf('the ', at + 4)) {
      const words: string[] = [];
      let rest = lower.slice(at + 4, at + 4 + 80);
      for (let w = WORD.exec(rest); w && words.length < MAX_ROLE_WORDS; w = WORD.exec(rest)) {
        words.push(w[0].replace(/[.'’]+$/, ''));
        rest = rest.slice(w[0].length).replace(/^ /, '');
        if (!/^[\p{L}]/u.test(rest)) break;
      }
      for (let n = words.length; n > 0; n -= 1) {
        const speaker = this.resolve(words.slice(0, n).join(' '), addressee);
        if (speaker) {
          found.push({ start: from + at, speaker });
          break;
        }
      }
    }
    return found;
  }

  /** Whether a label's parentheses or name show a presiding officer ("Mr SPEAKER", "The CHAIR"). */
  static presides(name: string): boolean {
    return PRESIDING.test(name.replace(/^(?:mr|madam|mrs|ms)\.?\s+/i, '').trim());
  }
}
