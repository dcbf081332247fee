// The shapes of the document ids that arguments carry (a resident, a post, a session, a batch),
// defined once: the argument schemas of every domain check them, and so does the quarantine.
// A leaf module (no imports), so that the domains' schemas can use it without a cycle through
// the registry, whose id builders produce ids of these shapes (registry.test.ts checks it).
export const ID_PATTERNS = {
  resident: /^resident:[a-z2-7]{26}$/,
  post: /^post:[A-Za-z0-9-]{1,20}$/,
  training: /^training:[a-z2-7]{16}$/,
  batch: /^batch:\d{9,12}:[0-9TZ:.-]+:[a-z2-7]{6}$/,
} as const;
