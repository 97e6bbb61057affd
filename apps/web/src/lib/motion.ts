/**
 * Whether the screen asked for reduced motion (the OS or browser setting `prefers-reduced-motion: reduce`).
 * Then charts switch off their transitions and the trauma map draws routes without the running light and
 * moves ambulances once a second: fewer repaints, for viewers who need it and for low-power screens.
 */
export function prefersReducedMotion(): boolean {
  return (
    typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true
  );
}
