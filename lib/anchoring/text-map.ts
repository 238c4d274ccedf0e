import type { JSONContent } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { getArticleSchema } from '@/lib/articles/editor-schema';

/**
 * Plain-text convention shared by `body_text`, claim offsets and the read view:
 * - body_text is the text of every non-empty textblock (paragraph, heading, ...) in document
 *   order, joined by BLOCK_SEPARATOR ("\n\n"); a textblock is empty when it contributes no characters;
 * - inside a textblock a text node contributes its text, a hardBreak contributes "\n" and any other
 *   inline leaf contributes nothing (it still occupies one ProseMirror position).
 * Offsets are UTF-16 code units (JavaScript string indices), like ProseMirror positions.
 */
export const BLOCK_SEPARATOR = '\n\n';

const HARD_BREAK = 'hardBreak';

/** Two-way mapping between body_text offsets and ProseMirror positions for one document. */
export interface TextMap {
  /** The document's body_text (same as `docText(doc)`). */
  readonly text: string;
  /**
   * Position of `offset` (0..text.length; RangeError otherwise). Offsets strictly inside a block
   * separator map to the end of the previous block (assoc -1) or the start of the next (assoc 1,
   * the default); at a zero-width leaf, assoc picks the side.
   */
  offsetToPos(offset: number, assoc?: -1 | 1): number;
  /** Offset of `pos` (0..doc.content.size; RangeError otherwise); positions outside text snap to the nearest offset. */
  posToOffset(pos: number): number;
  /** Positions covering offsets start..end (0 <= start <= end <= text.length; RangeError otherwise). */
  rangeToPositions(start: number, end: number): { from: number; to: number };
  /** Offsets covering positions from..to (either order), trimmed of surrounding whitespace; may be empty. */
  positionsToRange(from: number, to: number): { start: number; end: number };
}

/**
 * A run is a stretch where offsets and positions advance together (text and hard breaks), so one
 * offset/position pair plus a length describes it. Runs are sorted by both offset and position.
 */
interface Runs {
  offset: number[];
  pos: number[];
  length: number[];
}

function collect(doc: ProseMirrorNode): { text: string; runs: Runs; firstTextblockPos: number } {
  const parts: string[] = [];
  const runs: Runs = { offset: [], pos: [], length: [] };
  let length = 0;
  let firstTextblockPos = -1;
  doc.descendants((block, blockPos) => {
    if (!block.isTextblock) return true;
    if (firstTextblockPos < 0) firstTextblockPos = blockPos + 1;
    const blockParts: string[] = [];
    let blockLength = 0;
    const start = length + (parts.length > 0 ? BLOCK_SEPARATOR.length : 0);
    let contiguous = false; // whether the next character continues the current run
    block.forEach((child, childOffset) => {
      const chars = child.isText ? (child.text ?? '') : child.type.name === HARD_BREAK ? '\n' : '';
      if (chars.length === 0) {
        contiguous = false;
        return;
      }
      if (contiguous) {
        runs.length[runs.length.length - 1] += chars.length;
      } else {
        runs.offset.push(start + blockLength);
        runs.pos.push(blockPos + 1 + childOffset);
        runs.length.push(chars.length);
      }
      contiguous = true;
      blockParts.push(chars);
      blockLength += chars.length;
    });
    if (blockLength > 0) {
      parts.push(blockParts.join(''));
      length = start + blockLength;
    }
    return false;
  });
  return { text: parts.join(BLOCK_SEPARATOR), runs, firstTextblockPos };
}

/** Index of the last element of ascending `values` that is <= `target`, or -1. O(log n). */
function lastAtOrBefore(values: number[], target: number): number {
  let lo = 0;
  let hi = values.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] <= target) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

function assertIndex(value: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${what} ${value} is outside 0..${max}`);
  }
}

/** body_text of `doc` under the convention above. */
export function docText(doc: ProseMirrorNode): string {
  return collect(doc).text;
}

/** Builds the offset/position mapping for `doc` in O(n); each lookup is O(log n). */
export function buildTextMap(doc: ProseMirrorNode): TextMap {
  const { text, runs, firstTextblockPos } = collect(doc);
  const count = runs.offset.length;
  const maxPos = doc.content.size;
  const runEndOffset = (i: number) => runs.offset[i] + runs.length[i];
  const runEndPos = (i: number) => runs.pos[i] + runs.length[i];

  const offsetToPos = (offset: number, assoc: -1 | 1 = 1): number => {
    assertIndex(offset, text.length, 'offset');
    // A document without text still needs somewhere to put a caret.
    if (count === 0) return Math.max(0, firstTextblockPos);
    const i = lastAtOrBefore(runs.offset, offset);
    const end = runEndOffset(i);
    if (offset < end) {
      if (assoc < 0 && offset === runs.offset[i] && i > 0 && runEndOffset(i - 1) === offset) return runEndPos(i - 1);
      return runs.pos[i] + (offset - runs.offset[i]);
    }
    if (offset === end) {
      if (assoc > 0 && i + 1 < count && runs.offset[i + 1] === offset) return runs.pos[i + 1];
      return runEndPos(i);
    }
    // Strictly inside a separator: a following run always exists because the text ends in a run.
    return assoc < 0 ? runEndPos(i) : runs.pos[i + 1];
  };

  const posToOffset = (pos: number): number => {
    assertIndex(pos, maxPos, 'position');
    const i = lastAtOrBefore(runs.pos, pos);
    if (i < 0) return 0;
    if (pos <= runEndPos(i)) return runs.offset[i] + (pos - runs.pos[i]);
    if (i + 1 >= count) return text.length;
    // Between blocks: snap to the closer block edge; a tie (the boundary itself) goes forward.
    return pos - runEndPos(i) < runs.pos[i + 1] - pos ? runEndOffset(i) : runs.offset[i + 1];
  };

  return {
    text,
    offsetToPos,
    posToOffset,
    rangeToPositions(start, end) {
      assertIndex(end, text.length, 'end');
      assertIndex(start, end, 'start');
      const from = offsetToPos(start, 1);
      return { from, to: start === end ? from : offsetToPos(end, -1) };
    },
    positionsToRange(from, to) {
      let start = posToOffset(Math.min(from, to));
      let end = posToOffset(Math.max(from, to));
      // A mouse selection often grabs a trailing space or crosses a block edge; claims should not.
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /\s/.test(text[end - 1])) end--;
      return { start, end };
    },
  };
}

/** Parses stored tiptap JSON with the article schema; throws if a node or mark is unknown or content is invalid. */
export function jsonToDoc(json: JSONContent): ProseMirrorNode {
  const doc = ProseMirrorNode.fromJSON(getArticleSchema(), json);
  doc.check();
  return doc;
}
