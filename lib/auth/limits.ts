/** Password length limits shared by the password policy and the forms that mirror them. No imports: client-safe. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
