// The kinds of payment account a holder is paid into: a leaf module (no imports), read by the
// stored document's schema (../documents/schemas.ts) and the form's (./schema.ts) alike.
export const PAY_ACCOUNT_KINDS = ['bankCard', 'socialSecurityCard'] as const;
