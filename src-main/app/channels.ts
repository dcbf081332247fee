// IPC channel names shared by main and preload, so a typo cannot split the handshake.

/** Preload → main: "give this page a port to the core". */
export const PORT_REQUEST_CHANNEL = 'leye:port-request';
/** Main → preload: carries the MessagePort (event.ports[0]) to the core. */
export const PORT_CHANNEL = 'leye:port';
/** Main → preload: the core exited; fail calls in flight now instead of when it is back. */
export const CORE_LOST_CHANNEL = 'leye:core-lost';
/** Renderer → main (invoke): print a print route from a hidden window with the system dialog. */
export const PRINT_CHANNEL = 'leye:print';
/** Renderer → main (invoke): print a print route silently to a PDF the clerk names in a save dialog. */
export const PRINT_PDF_CHANNEL = 'leye:print-pdf';
/** Renderer → main (invoke): the system folder dialog for the backup folder; the chosen folder or null. */
export const BACKUP_FOLDER_CHANNEL = 'leye:backup-folder';
/** Renderer → main (invoke): the system open-file dialog for a backup file at first run; its folder and name, or null. */
export const BACKUP_FILE_CHANNEL = 'leye:backup-file';
