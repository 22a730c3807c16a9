// Presentation mode (projector): remembered in a cookie that the root layout reads, so the server's first render
// already carries it (no flash, no hydration mismatch). Applied as <html data-presentation="on">; the styles
// live in app/globals.css and apply to every page.
export const PRESENTATION_COOKIE = "presentation";
export const PRESENTATION_ATTRIBUTE = "data-presentation";

export function isPresentationOn(cookieValue: string | undefined | null): boolean {
  return cookieValue === "on";
}
