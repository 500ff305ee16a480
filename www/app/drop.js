// Files dropped anywhere on the page: an overlay shows while files are
// dragged over it, and the dropped files go to \`onFiles\`. Drags of text or
// links are left to the page.

/** Listens on \`target\` (the document); \`overlay\` is shown during a drag of files. */
export function installFileDrop(target, overlay, onFiles) {
  let depth = 0; // dragenter and dragleave fire for every child crossed
  const carriesFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  target.addEventListener('dragenter', (e) => {
    if (!carriesFiles(e)) return;
    depth++;
    overlay.hidden = false;
  });
  target.addEventListener('dragleave', (e) => {
    if (!carriesFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (!depth) overlay.hidden = true;
  });
  target.addEventListener('dragover', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  target.addEventListener('drop', (e) => {
    depth = 0;
    overlay.hidden = true;
    if (!e.dataTransfer?.files?.length) return;
    e.preventDefault();
    onFiles([...e.dataTransfer.files]);
  });
}
