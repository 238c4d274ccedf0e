import Link from 'next/link';

/**
 * A message for an error status (404, 403) with a way back into the app. It renders inside the app's top bar and main
 * when the error comes from an app page, so it brings no landmark of its own (app/not-found.tsx adds one when alone).
 */
export function StatusPage({ code, title, children }: { code: number; title: string; children: React.ReactNode }) {
  return (
    <div className="status-page">
      <div className="status-card">
        <p className="status-code">Error {code}</p>
        <h1>{title}</h1>
        {children}
        <p className="actions">
          <Link href="/" className="button primary">
            Go to the dashboard
          </Link>
          <Link href="/articles" className="button">
            Articles
          </Link>
        </p>
      </div>
    </div>
  );
}

/** The 404 message, for the app's own not-found page and the stand-alone one. */
export function NotFoundCard() {
  return (
    <StatusPage code={404} title="Page not found">
      <p>There is nothing at this address, or it is not visible to you. Check the link, or find what you need from the dashboard.</p>
    </StatusPage>
  );
}
