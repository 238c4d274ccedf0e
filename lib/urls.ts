import { z } from 'zod';

/** An absolute http(s) URL (javascript:, data: and other schemes are refused). */
export const httpUrl = z
  .string()
  .trim()
  .max(2000, 'URL is too long.')
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Enter a full http:// or https:// URL.');
