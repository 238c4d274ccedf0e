import { SkipLinkBar } from '@/components/ui/skip-links';

/** The signed-out pages (sign in, set a password): one card under the brand, in the middle of the page. */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SkipLinkBar />
      <main id="main" className="login-page">
        <div className="login-card">
          <h1 className="brand">
            Claim<span>desk</span>
          </h1>
          {children}
        </div>
      </main>
    </>
  );
}
