/** Field limits of accounts and API tokens, shared by the services and the forms that mirror them. No imports: client-safe. */
export const EMAIL_MAX = 254;
export const USER_NAME_MAX = 100;
export const TOKEN_NAME_MAX = 100;
