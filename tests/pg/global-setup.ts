/** The pg project runs only inside `npm run test:pg`, which provides the throwaway cluster; fail loudly otherwise. */
export default function setup() {
  if (!process.env.PG_TEST_ADMIN_URL) {
    throw new Error('tests/pg needs a PostgreSQL cluster: run them with `npm run test:pg -- pg`.');
  }
}
