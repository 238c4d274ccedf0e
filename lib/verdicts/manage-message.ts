/** The Forbidden message of every verdict-scale change, so a non-admin reads the same reason whichever one they try. */
export const MANAGE_MESSAGE = 'Only admins can change the verdict scale.';
