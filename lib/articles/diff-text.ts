import { diffArrays, diffWords } from 'diff';

export type WordChange = { text: string; change: 'same' | 'added' | 'removed' };
export type ParagraphDiff = { kind: 'same' | 'added' | 'removed'; text: string } | { kind: 'changed'; parts: WordChange[] };
export type TextDiff = { paragraphs: ParagraphDiff[]; wordsAdded: number; wordsRemoved: number };

/** Below this share of unchanged characters a replaced paragraph reads better as removed + added than word by word. */
const MIN_SHARED = 0.5;
const PARAGRAPH = /\n{2,}/;

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

function wordDiff(before: string, after: string): WordChange[] | null {
  const parts = diffWords(before, after).map((p) => ({ text: p.value, change: p.added ? 'added' : p.removed ? 'removed' : 'same' }) as WordChange);
  const shared = parts.filter((p) => p.change === 'same').reduce((n, p) => n + p.text.length, 0);
  return shared / Math.max(before.length, after.length, 1) >= MIN_SHARED ? parts : null;
}

/**
 * A readable diff of two article texts (paragraphs separated by blank lines, as body_text is): paragraphs are
 * aligned first, then a removed paragraph followed by an added one that share most of their words are shown word by
 * word. Counts the words added and removed. Pure.
 */
export function diffText(before: string, after: string): TextDiff {
  const paragraphs: ParagraphDiff[] = [];
  const blocks = diffArrays(before.split(PARAGRAPH), after.split(PARAGRAPH));
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    const next = blocks[i + 1];
    if (block.removed && next?.added) {
      // A run of removed paragraphs replaced by a run of added ones: pair them up in order.
      const count = Math.max(block.value.length, next.value.length);
      for (let k = 0; k < count; k++) {
        const [old, neu] = [block.value[k], next.value[k]];
        const parts = old !== undefined && neu !== undefined ? wordDiff(old, neu) : null;
        if (parts) paragraphs.push({ kind: 'changed', parts });
        else {
          if (old !== undefined) paragraphs.push({ kind: 'removed', text: old });
          if (neu !== undefined) paragraphs.push({ kind: 'added', text: neu });
        }
      }
      i++;
      continue;
    }
    const kind = block.added ? 'added' : block.removed ? 'removed' : 'same';
    for (const text of block.value) paragraphs.push({ kind, text });
  }
  let wordsAdded = 0;
  let wordsRemoved = 0;
  for (const p of paragraphs) {
    const parts: WordChange[] = p.kind === 'changed' ? p.parts : [{ text: p.text, change: p.kind === 'same' ? 'same' : p.kind }];
    for (const part of parts) {
      if (part.change === 'added') wordsAdded += wordCount(part.text);
      if (part.change === 'removed') wordsRemoved += wordCount(part.text);
    }
  }
  return { paragraphs, wordsAdded, wordsRemoved };
}
