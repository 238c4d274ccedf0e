'use client';

import { useId, useState } from 'react';
import { normaliseTag } from '@/lib/claims/normalise-tags';
import { TAGS_MAX, TAG_MAX } from '@/lib/claims/limits';
import { useTagSuggestions } from './use-tag-suggestions';

/**
 * Free-text tags inside a form: chips with a remove button, a text box (Enter or comma adds what was typed) and
 * suggestions of tags already in use (GET /api/tags) to click. Each tag is a hidden `name` input, so the form's
 * data carries the whole set; the server normalises and checks the limits again.
 */
export function TagsField({ name = 'tags', initial, disabled }: { name?: string; initial: string[]; disabled?: boolean }) {
  const id = useId();
  const [tags, setTags] = useState(initial);
  const [draft, setDraft] = useState('');
  const typed = normaliseTag(draft);
  const suggestions = useTagSuggestions(typed, { disabled });

  const add = (raw: string) => {
    const tag = normaliseTag(raw.replaceAll(',', ' '));
    if (tag && tag.length <= TAG_MAX && !tags.includes(tag) && tags.length < TAGS_MAX) setTags([...tags, tag]);
    setDraft('');
  };
  const offered = suggestions.filter((s) => !tags.includes(s.tag));

  return (
    <div className="tags-field">
      <label htmlFor={id}>
        Tags <span className="hint">topic, campaign… (Enter adds)</span>
      </label>
      <ul className="tag-list" aria-label="Current tags">
        {tags.map((t) => (
          <li key={t} className="tag">
            {t}
            <input type="hidden" name={name} value={t} />
            <button
              type="button"
              className="link-button"
              aria-label={`Remove tag ${t}`}
              disabled={disabled}
              onClick={() => setTags(tags.filter((x) => x !== t))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={id}
        value={draft}
        maxLength={TAG_MAX}
        disabled={disabled || tags.length >= TAGS_MAX}
        placeholder={tags.length >= TAGS_MAX ? `At most ${TAGS_MAX} tags` : 'Add a tag'}
        autoComplete="off"
        onChange={(e) => (e.target.value.endsWith(',') ? add(e.target.value) : setDraft(e.target.value))}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && draft.trim()) {
            e.preventDefault();
            add(draft);
          }
        }}
      />
      {offered.length > 0 && (
        <ul className="tag-suggestions" aria-label="Suggested tags">
          {offered.map((s) => (
            <li key={s.tag}>
              <button type="button" onClick={() => add(s.tag)}>
                {s.tag} <span className="count">{s.count}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Tags shown compactly (board rows, claim page), each linking to the board filtered by it. */
export function TagChips({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <span className="tag-chips">
      {tags.map((t) => (
        <a key={t} className="tag" href={`/claims?tag=${encodeURIComponent(t)}`}>
          {t}
        </a>
      ))}
    </span>
  );
}
