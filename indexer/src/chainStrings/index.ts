export { storableText } from './storableText.js';
