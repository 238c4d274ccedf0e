import { seedBenchDb } from './bench/lib/seed';
import { DATASETS } from './bench/lib/context';
seedBenchDb('/tmp/match-bench/large.db', DATASETS.large).then((r) => console.log(JSON.stringify(r).slice(0, 200)));
