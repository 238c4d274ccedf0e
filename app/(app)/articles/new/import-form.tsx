'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api, ApiError } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FieldError, FormError, SubmitButton } from '@/components/ui/form-messages';
import { ARTICLE_PUBLISHER_MAX, ARTICLE_TITLE_MAX, MAX_ARTICLE_BYTES } from '@/lib/articles/limits';

/** Inputs of this form that show their own error; an error about one of them is not repeated above the button. */
const SHOWN_FIELDS = ['title', 'sourceUrl', 'publishedAt', 'content', 'file'];
const FORMATS = [
  ['text', 'Plain text'],
  ['html', 'HTML'],
  ['markdown', 'Markdown'],
] as const;
const FORMAT_BY_EXTENSION: Record<string, 'text' | 'html' | 'markdown'> = {
  txt: 'text',
  text: 'text',
  html: 'html',
  htm: 'html',
  md: 'markdown',
  markdown: 'markdown',
};

/** The content to send: an uploaded file wins over pasted content (its format from its extension). */
async function contentOf(data: FormData): Promise<{ format: string; content: string }> {
  const file = data.get('file');
  if (!(file instanceof File) || file.size === 0) return { format: String(data.get('format') ?? 'text'), content: String(data.get('content') ?? '') };
  const format = FORMAT_BY_EXTENSION[file.name.split('.').pop()?.toLowerCase() ?? ''];
  if (!format) throw new ApiError(400, 'Upload a .txt, .html or .md file.', { file: 'Unsupported file type.' });
  // Said at once, before a large file is read and sent only for the server to refuse it with the same limit.
  if (file.size > MAX_ARTICLE_BYTES) {
    const limit = `${MAX_ARTICLE_BYTES / 1024 / 1024} MB`;
    throw new ApiError(413, `The file is larger than ${limit} (the size limit); split it or import the text only.`, {
      file: `Larger than ${limit}.`,
    });
  }
  return { format, content: await file.text() };
}

/**
 * The import form (or, with `versionOf`, the form for an article's new text): POST /api/articles, or
 * /api/articles/:id/versions, then opens the article. An error goes away as soon as its field (or, for a general
 * one, any field) is changed.
 */
export function ImportForm({ versionOf }: { versionOf?: number }) {
  const router = useRouter();
  const [changed, setChanged] = useState<string[]>([]);
  const [leaving, setLeaving] = useState(false);
  const { busy, error, fields, onSubmit } = useApiAction();
  const fieldError = (name: string) => (changed.includes(name) ? undefined : fields[name]);
  const ownErrorShown = SHOWN_FIELDS.some((f) => fieldError(f));
  const message = changed.length === 0 && !ownErrorShown ? error : undefined;

  const submit = onSubmit(async (data) => {
    setChanged([]);
    const { format, content } = await contentOf(data);
    const title = String(data.get('title') ?? '');
    const { id } = versionOf
      ? await api<{ id: number }>(`/api/articles/${versionOf}/versions`, { body: { title, format, content } })
      : await api<{ id: number }>('/api/articles', {
          body: {
            title,
            format,
            content,
            sourceUrl: String(data.get('sourceUrl') ?? ''),
            publisher: String(data.get('publisher') ?? ''),
            publishedAt: String(data.get('publishedAt') ?? ''),
          },
        });
    setLeaving(true);
    router.push(`/articles/${id}`);
  });

  return (
    <form
      onSubmit={submit}
      className="stack import-form"
      onChange={(e) => {
        const name = (e.target as unknown as HTMLInputElement).name;
        if (name && !changed.includes(name)) setChanged([...changed, name]);
      }}
    >
      <label>
        Title <span className="hint">optional: taken from the first line, &lt;title&gt; or # heading</span>
        <input name="title" maxLength={ARTICLE_TITLE_MAX} />
        <FieldError message={fieldError('title')} />
      </label>
      {!versionOf && (
        <div className="row">
          <label>
            Source URL
            <input name="sourceUrl" type="url" placeholder="https://…" />
            <FieldError message={fieldError('sourceUrl')} />
          </label>
          <label>
            Publisher
            <input name="publisher" maxLength={ARTICLE_PUBLISHER_MAX} />
          </label>
          <label>
            Published
            <input name="publishedAt" type="date" />
            <FieldError message={fieldError('publishedAt')} />
          </label>
        </div>
      )}
      <fieldset className="format">
        <legend>Format of pasted content</legend>
        {FORMATS.map(([f, label]) => (
          <label key={f} className="inline">
            <input type="radio" name="format" value={f} defaultChecked={f === 'text'} /> {label}
          </label>
        ))}
      </fieldset>
      <label>
        Content
        <textarea name="content" rows={14} placeholder="Paste the article here…" />
        <FieldError message={fieldError('content')} />
      </label>
      <label>
        Or upload a file
        <input name="file" type="file" accept=".txt,.html,.htm,.md,.markdown,text/plain,text/html,text/markdown" />
        <FieldError message={fieldError('file')} />
      </label>
      <FormError message={message} />
      <SubmitButton busy={busy || leaving} busyLabel="Importing…">
        {versionOf ? 'Import new version' : 'Import'}
      </SubmitButton>
    </form>
  );
}
