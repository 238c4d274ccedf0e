import { StatusPage } from '@/components/ui/status-page';

/** A signed-in person on a page their role may not open (forbidden() from next/navigation, e.g. an editor on /admin). */
export default function Forbidden() {
  return (
    <StatusPage code={403} title="You do not have access to this page">
      <p>Your role does not include this page. Ask an administrator if you need it.</p>
    </StatusPage>
  );
}
