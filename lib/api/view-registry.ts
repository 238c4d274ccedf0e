import { z } from 'zod';

/** Component id and description of each response schema: every one becomes `#/components/schemas/<id>`. */
export const apiViews = z.registry<{ id: string; description?: string }>();

/** Registers a response schema under a component id. */
export function view<S extends z.ZodType>(id: string, description: string, schema: S): S {
  apiViews.add(schema, { id, description });
  return schema;
}

/** Dates leave the API as JSON strings (Date#toJSON). */
export const dateTime = z.iso.datetime();
export const id = z.number().int().positive();

/** A keyset page: pass `nextCursor` as `cursor` for the next one (null on the last page). */
export const page = <S extends z.ZodType>(item: S) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
