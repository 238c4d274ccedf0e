import Link from 'next/link';

/**
 * A message for an error status (404, 403) with a way back into the app. It renders inside the app's top bar when the
 * error comes from an app page, and on its own for an unknown address, so it brings no landmark or header of its own.
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
