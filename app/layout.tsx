import type { Metadata } from 'next';
import './globals.css';
import './keyboard-feedback.css';

export const metadata: Metadata = { title: { default: 'Claimdesk', template: '%s · Claimdesk' }, description: 'Fact-checking annotation' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
