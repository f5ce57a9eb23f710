// A list on the big screen that is longer than its place pages through itself, slowly: nobody in
// the room can scroll a projector. The element clips its content (overflow: hidden in app.css) and
// every few seconds scrolls so that the first item not yet fully seen is at the top, back to the
// start after the last. With prefers-reduced-motion it jumps instead of gliding.
// Plain custom element: whatever lit renders inside it stays lit's; this only moves the scroll.
const PAGE_MS = 8000;
const reducedMotion = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)');

export class AutoPager extends HTMLElement {
  connectedCallback() {
    this.timer = setInterval(() => this.next(), Number(this.getAttribute('interval')) || PAGE_MS);
  }

  disconnectedCallback() {
    clearInterval(this.timer);
  }

  /** The items paged by: the children of the list inside, or that list's own children. */
  #items() {
    const list = this.firstElementChild;
    return list?.children.length ? [...list.children] : [...this.children];
  }

  next() {
    const overflowing = this.scrollHeight > this.clientHeight + 1;
    this.dataset.paged = String(overflowing);
    if (!overflowing) {
      if (this.scrollTop) this.scrollTo({ top: 0 });
      return;
    }
    const top = this.getBoundingClientRect().top - this.scrollTop;
    const bottom = this.scrollTop + this.clientHeight;
    // The first item that does not fit on this page starts the next one; an item taller than the
    // page is read a page height at a time.
    const cut = this.#items().map((item) => item.getBoundingClientRect())
      .find((box) => box.bottom - top > bottom + 1);
    let target = cut ? Math.max(cut.top - top, this.scrollTop + 1) : 0;
    if (cut && target <= this.scrollTop + 1) target = this.scrollTop + this.clientHeight;
    if (this.scrollTop + this.clientHeight >= this.scrollHeight - 1) target = 0;
    this.scrollTo({ top: target, behavior: reducedMotion?.matches ? 'auto' : 'smooth' });
  }
}
customElements.define('aan-auto-pager', AutoPager);
