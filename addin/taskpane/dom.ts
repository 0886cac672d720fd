/**
 * The few DOM helpers the pane's views share: the pane's root (#app in taskpane.html), an
 * element with its text and class, a button, and a notice that replaces the whole pane
 * (used before the pane can show anything else: outside Excel, Excel too old, read failed).
 */

/** The pane's root element: #app in taskpane.html. */
export function paneRoot(): HTMLElement {
  const found = document.getElementById("app");
  if (!found) throw new Error("taskpane.html saknar #app");
  return found;
}

/** An element with optional text and class: el("p", "Inga tveksamheter.", "notice notice--success"). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  if (text !== undefined) made.textContent = text;
  if (className) made.className = className;
  return made;
}

/** A type="button" button; `primary` for the one main action ("Skriv till arbetsboken"). */
export function button(text: string, onClick: () => void, primary = false): HTMLButtonElement {
  const made = el("button", text, primary ? "button button--primary" : "button");
  made.type = "button";
  made.addEventListener("click", onClick);
  return made;
}

/** Replaces the whole pane with one notice. */
export function showNotice(text: string, kind: "error" | "warning" | "info" = "info"): void {
  paneRoot().replaceChildren(el("p", text, kind === "info" ? "notice" : `notice notice--${kind}`));
}
