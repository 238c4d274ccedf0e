/** A small seeded PRNG (mulberry32): the same seed always gives the same benchmark data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks one item; `weights` (same length) skews the choice. */
export function pick<T>(rand: () => number, items: readonly T[], weights?: readonly number[]): T {
  if (!weights) return items[Math.floor(rand() * items.length)];
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rand() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i];
    if (r < 0) return items[i];
  }
  return items[items.length - 1];
}

const PLACES = ['Harbor City', 'the northern border', 'Westfield County', 'the capital', 'Lake Morrow', 'the river delta', 'Eastport'];
const OFFICIALS = [
  ['Defense Minister', 'Anna Kovacs'],
  ['Mayor', 'Luis Ortega'],
  ['Health Commissioner', 'Priya Raman'],
  ['Senator', 'Thomas Greene'],
  ['Finance Secretary', 'Mei Chen'],
  ['Police Chief', 'Daniel Okafor'],
];
const SUBJECTS = ['troops', 'new cases', 'jobs', 'homes', 'schools', 'buses', 'voters', 'families', 'nurses', 'vehicles'];
const VERBS = ['were deployed to', 'were reported in', 'were added in', 'were built in', 'were closed in', 'arrived in', 'left'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const TOPICS = ['the budget', 'the outbreak', 'the deployment', 'the election', 'the bridge repairs', 'the housing plan', 'the new tax'];
const CLAUSES = [
  'according to figures released on Tuesday',
  'officials said in a statement',
  'a sharp rise from the previous year',
  'though critics dispute the count',
  'the highest level in a decade',
  'according to an internal report seen by reporters',
];

function num(rand: () => number): string {
  const n = Math.floor(rand() * 98_000) + 1_000;
  return n.toLocaleString('en-US');
}

/** One news-style sentence: statistics, direct quotes with speakers, attributions and plain narration. */
function sentence(rand: () => number): string {
  const [title, name] = pick(rand, OFFICIALS);
  switch (Math.floor(rand() * 5)) {
    case 0:
      return `About ${num(rand)} ${pick(rand, SUBJECTS)} ${pick(rand, VERBS)} ${pick(rand, PLACES)} in ${pick(rand, MONTHS)}, ${pick(rand, CLAUSES)}.`;
    case 1:
      return `“We will not accept any delay on ${pick(rand, TOPICS)},” ${title} ${name} said on ${pick(rand, MONTHS)} ${1 + Math.floor(rand() * 28)}.`;
    case 2:
      return `${title} ${name} said spending on ${pick(rand, TOPICS)} rose by ${1 + Math.floor(rand() * 60)} percent to $${1 + Math.floor(rand() * 900)} million.`;
    case 3:
      return `Residents of ${pick(rand, PLACES)} gathered near the old market to discuss ${pick(rand, TOPICS)} with local organisers.`;
    default:
      return `The plan for ${pick(rand, TOPICS)} will cost an estimated $${1 + Math.floor(rand() * 40)} billion over ${2 + Math.floor(rand() * 9)} years, ${pick(rand, CLAUSES)}.`;
  }
}

/** Paragraphs of news text with at least `words` words; each paragraph is a list of sentences. */
export function newsParagraphs(seed: number, words: number): string[][] {
  const rand = rng(seed);
  const out: string[][] = [];
  let count = 0;
  while (count < words) {
    const para: string[] = [];
    const n = 3 + Math.floor(rand() * 3);
    for (let i = 0; i < n && count < words; i++) {
      const s = sentence(rand);
      para.push(s);
      count += s.split(/\s+/).length;
    }
    out.push(para);
  }
  return out;
}

/** The paragraphs as plain text: one paragraph per line, the way scraped articles are imported. */
export function newsText(seed: number, words: number): string {
  return newsParagraphs(seed, words)
    .map((p) => p.join(' '))
    .join('\n');
}
