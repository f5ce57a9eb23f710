// Bars are sized with flex-grow, set through the CSSOM: the Content-Security-Policy allows no
// inline style attributes, and lit writes a bound style="..." with setAttribute, which it blocks.
import { ref } from 'lit/directives/ref.js';

/** Element binding: <span ${flexGrow(3)}></span>. */
export const flexGrow = (n) => ref((element) => {
  if (element) element.style.flexGrow = String(n);
});
