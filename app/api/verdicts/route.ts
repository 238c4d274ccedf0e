import { apiRoute, readJson } from '@/lib/http/respond';
import { listVerdicts } from '@/lib/verdicts/list-verdicts';
import { createVerdict } from '@/lib/verdicts/create-verdict';

export const GET = apiRoute(({ actor }) => listVerdicts({ actor }));

export const POST = apiRoute(async ({ req, actor }) => createVerdict({ actor, input: await readJson(req) }), { status: 201 });
