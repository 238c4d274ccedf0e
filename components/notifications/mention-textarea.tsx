'use client';

import { useEffect, useId, useRef, useState, useSyncExternalStore, type KeyboardEvent, type TextareaHTMLAttributes } from 'react';
import { createPortal } from 'react-dom';
import { mentionAt } from '@/lib/notifications/find-mentions';

type Suggestion = { handle: string; name: string };
type Open = { start: number; caret: number; items: Suggestion[]; active: number; box: { left: number; top: number; width: number } };

const noSubscription = () => () => {};

/** Wait after the last keystroke before asking the server (typing "@revi" asks once, not four times). */
const DEBOUNCE_MS = 120;

/**
 * A textarea that offers people to `@mention` as one types (GET /api/mentions): ArrowDown/ArrowUp move through the
 * list, Enter or Tab inserts `@handle `, Escape closes it (and only it). A textarea may not take role="combobox"
 * (ARIA in HTML), so it stays a textbox with aria-autocomplete, aria-controls and aria-activedescendant pointing at
 * a listbox, and a polite live region says how many people match. The list is portalled to <body> so a wrapping
 * <label> does not read the options into the textarea's name. Works controlled or uncontrolled: insertion goes through
 * a native input event, so the caller's onChange sees it.
 */
export function MentionTextarea(props: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { onKeyDown, onChange, onSelect, onBlur, ...rest } = props;
  const ref = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const [open, setOpen] = useState<Open | null>(null);
  // The portal needs document.body: false on the server and during hydration, true after.
  const mounted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const request = useRef<{ timer?: number; abort?: AbortController }>({});
  useEffect(() => () => window.clearTimeout(request.current.timer), []);

  function close() {
    window.clearTimeout(request.current.timer);
    request.current.abort?.abort();
    setOpen(null);
  }

  /** Looks at the text before the caret and asks for people when it is a mention being typed. */
  function update() {
    const el = ref.current;
    if (!el || el.selectionStart !== el.selectionEnd) return close();
    const caret = el.selectionStart;
    const at = mentionAt(el.value, caret);
    if (!at) return close();
    window.clearTimeout(request.current.timer);
    request.current.timer = window.setTimeout(async () => {
      request.current.abort?.abort();
      const abort = (request.current.abort = new AbortController());
      const res = await fetch(`/api/mentions?q=${encodeURIComponent(at.query)}`, { signal: abort.signal }).catch(() => null);
      if (!res?.ok || abort.signal.aborted) return;
      const items = (await res.json()) as Suggestion[];
      if (abort.signal.aborted) return;
      if (items.length === 0) return setOpen(null);
      const rect = el.getBoundingClientRect();
      const box = { left: rect.left + window.scrollX, top: rect.bottom + window.scrollY + 2, width: Math.min(rect.width, 360) };
      setOpen({ start: at.start, caret, items, active: 0, box });
    }, DEBOUNCE_MS);
  }

  function insert(s: Suggestion) {
    const el = ref.current;
    if (!el || !open) return;
    const text = `@${s.handle} `;
    const value = el.value.slice(0, open.start) + text + el.value.slice(open.caret);
    // The native setter plus an input event: React's onChange fires as if typed, for controlled textareas too.
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    const caret = open.start + text.length;
    el.setSelectionRange(caret, caret);
    close();
    el.focus();
  }

  function keyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (open) {
      const count = open.items.length;
      let handled = true;
      if (e.key === 'ArrowDown') setOpen({ ...open, active: (open.active + 1) % count });
      else if (e.key === 'ArrowUp') setOpen({ ...open, active: (open.active - 1 + count) % count });
      else if ((e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey) insert(open.items[open.active]);
      else if (e.key === 'Escape') close();
      else handled = false;
      if (handled) {
        // Used here: not a request to close the comment box, leave the card or submit the form.
        e.preventDefault();
        e.stopPropagation();
        e.nativeEvent.stopImmediatePropagation();
        return;
      }
    }
    onKeyDown?.(e);
  }

  const optionId = (i: number) => `${id}-option-${i}`;
  return (
    <>
      <textarea
        {...rest}
        ref={ref}
        aria-autocomplete="list"
        aria-controls={`${id}-list`}
        aria-activedescendant={open ? optionId(open.active) : undefined}
        onKeyDown={keyDown}
        onChange={(e) => {
          onChange?.(e);
          update();
        }}
        onSelect={(e) => {
          onSelect?.(e);
          update();
        }}
        onBlur={(e) => {
          onBlur?.(e);
          close();
        }}
      />
      {mounted &&
        createPortal(
          <>
            <ul
              id={`${id}-list`}
              role="listbox"
              aria-label="People to mention"
              className="mention-list"
              hidden={!open}
              style={open ? { left: open.box.left, top: open.box.top, minWidth: open.box.width } : undefined}
            >
              {open?.items.map((s, i) => (
                <li
                  key={s.handle}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === open.active}
                  // mousedown, not click: the textarea keeps focus (and its caret) while the pointer picks.
                  onMouseDown={(e) => {
                    e.preventDefault();
                    insert(s);
                  }}
                >
                  <span className="mention-handle">@{s.handle}</span> <span className="muted">{s.name}</span>
                </li>
              ))}
            </ul>
            <span className="visually-hidden" aria-live="polite">
              {open ? `${open.items.length} ${open.items.length === 1 ? 'person' : 'people'} to mention; arrow keys to choose, Enter to insert.` : ''}
            </span>
          </>,
          document.body,
        )}
    </>
  );
}
