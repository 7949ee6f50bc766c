/**
 * A fetched PDF handed to the agent: saved under a name (an anchor with `download`), or shown in a
 * tab opened at the click (a tab opened after the fetch would be stopped by the popup blocker). The
 * blob URL is revoked once the browser has had time to take it.
 */

/** How long a blob URL lives after it is handed over (the tab or the save has read it by then). */
const URL_LIFE_MS = 60_000;

/** Saves a blob as a file named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), URL_LIFE_MS);
}

/** A tab opened at the click, to show the blob once fetched; null if the browser refused it. */
export function openBlankTab(): Window | null {
  return window.open('', '_blank');
}

/** Shows a blob in the tab opened at the click, or saves it when there is no tab. */
export function showBlob(tab: Window | null, blob: Blob, name: string): void {
  if (!tab || tab.closed) {
    saveBlob(blob, name);
    return;
  }
  const url = URL.createObjectURL(blob);
  tab.location.href = url;
  setTimeout(() => URL.revokeObjectURL(url), URL_LIFE_MS);
}

/** The file name of a case's document: `<case number>-<kind>.pdf`. */
export function documentFileName(caseNumber: string, kind: string): string {
  return `${caseNumber}-${kind}.pdf`.replace(/[^\w.-]+/g, '_');
}
