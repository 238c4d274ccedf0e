import Link from 'next/link';

/** A full-page message for an error status (404, 403) in the login page's look, with a way back into the app. */
export function StatusPage({ code, title, children }: { code: number; title: string; children: React.ReactNode }) {
  return (
    <main className="login-page">
      <div className="login-card status-card">
        <p className="brand">
          Claim<span>desk</span>
        </p>
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
    </main>
  );
}
