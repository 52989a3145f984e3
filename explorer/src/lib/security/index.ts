export { safeHref } from './safeHref.js';
export { hasInvisibleChars, sanitizeText } from './sanitizeText.js';
