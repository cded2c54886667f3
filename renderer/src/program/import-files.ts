import { IMPORT_BATCH_FILES, type ImportResult } from '../../../shared/ipc/contract';
import { MAX_MODEL_BYTES } from '../../../shared/model/limits';
import {
  folderDepth,
  isHiddenInFolder,
  MAX_FOLDER_DEPTH,
  MAX_FOLDER_FILES,
  modelFileSkip,
  selectFolderFiles,
} from '../../../shared/model/model-files';
import { call } from '../api/client';

/** A file the user picked or dropped, with the name shown in the results (path in a folder). */
export interface PickedFile {
  name: string;
  file: File;
}

/** Bytes sent to the main process per call: a batch never carries more than this. */
const BATCH_BYTES = 16 * 1024 * 1024;

export interface ImportProgress {
  done: number;
  total: number;
}

export interface ImportOutcome {
  results: ImportResult[];
  /** Files never sent because the user stopped the import, or because it failed. */
  notChecked: number;
  /** Why the import stopped early, if it failed; the batches before it are stored. */
  error?: unknown;
}

/**
 * A picked folder's files (or picked files) as the command line finds them, by the shared rule
 * (shared/model/model-files.ts): hidden entries in a folder (.DS_Store, .git) left out, nothing
 * below MAX_FOLDER_DEPTH folders, in the one order by path. A file picked on its own is kept.
 */
export function fromFileList(list: FileList | null): PickedFile[] {
  return selectFolderFiles(
    [...(list ?? [])].map((file) => ({ name: file.webkitRelativePath || file.name, file })),
  );
}

/**
 * Files and whole folders dropped onto the window, folders walked to the bottom by the same rule
 * as a picked folder: hidden entries are not walked into, nor folders below MAX_FOLDER_DEPTH (which
 * also ends any loop of links the system's entries follow), and the walk stops at
 * MAX_FOLDER_FILES.
 */
export async function fromDrop(items: DataTransferItemList): Promise<PickedFile[]> {
  const out: PickedFile[] = [];
  const entries: FileSystemEntry[] = [];
  for (const item of [...items].filter((i) => i.kind === 'file')) {
    const entry = item.webkitGetAsEntry();
    if (entry) entries.push(entry);
    else {
      // No file-system entry (e.g. a file handed over by another program): the file itself.
      const file = item.getAsFile();
      if (file) out.push({ name: file.name, file });
    }
  }
  async function walk(entry: FileSystemEntry, path: string): Promise<void> {
    if (out.length >= MAX_FOLDER_FILES || isHiddenInFolder(path)) return;
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) =>
        (entry as FileSystemFileEntry).file(resolve, reject),
      );
      out.push({ name: path, file });
      return;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries gives the entries in chunks; an empty chunk means the end.
    for (;;) {
      const chunk = await new Promise<FileSystemEntry[]>((resolve, reject) =>
        reader.readEntries(resolve, reject),
      );
      if (chunk.length === 0) break;
      for (const e of chunk) {
        const below = `${path}/${e.name}`;
        if (e.isDirectory && folderDepth(`${below}/-`) > MAX_FOLDER_DEPTH) continue;
        await walk(e, below);
      }
    }
  }
  for (const e of entries) await walk(e, e.name);
  return selectFolderFiles(out);
}

/**
 * A file's bytes, undecoded: the main process's checking threads decode each file as its turn
 * comes, so nothing here decodes them and nothing there encodes them again.
 */
async function readBytes(f: PickedFile): Promise<Uint8Array<ArrayBuffer> | null> {
  // Not a model by its name: never read, the main process names it (the shared rule).
  if (modelFileSkip(f.name) !== null) return null;
  // Too large to be a model: never read into memory, the main process refuses it by its size.
  if (f.file.size > MAX_MODEL_BYTES) return null;
  try {
    return new Uint8Array(await f.file.arrayBuffer());
  } catch {
    return null;
  }
}

/** Batches on their way at once: the next is checked while the one before is being stored. */
const IN_FLIGHT = 2;

interface Sent {
  /** Index of the batch's first file. */
  from: number;
  size: number;
  answer: Promise<ImportResult[]>;
}

/**
 * Sends the files to the main process in batches; every file is checked and stored there in its
 * own transaction, each batch committed before its answer comes. Two batches are on their way at
 * once, so the main process checks the next (in its worker threads) while it stores the one before.
 * Between batches the progress is reported and a stop is honoured (batches already sent finish),
 * so stopping never leaves half a record. If a batch fails, no more are sent; one already sent
 * after it is awaited and counted as it ended, so `notChecked` is exactly the files not stored.
 */
export async function importFiles(
  files: PickedFile[],
  onProgress: (p: ImportProgress) => void,
  shouldStop: () => boolean,
): Promise<ImportOutcome> {
  const results: ImportResult[] = [];
  const queue: Sent[] = [];
  let i = 0;
  let done = 0;
  let notChecked = 0;
  let error: unknown;
  let failed = false;
  onProgress({ done: 0, total: files.length });
  // Every batch says which import it belongs to: the main process lists them as one.
  const importId = crypto.randomUUID();
  const send = async () => {
    const batch: { name: string; size: number; bytes: Uint8Array<ArrayBuffer> | null }[] = [];
    let bytes = 0;
    const from = i;
    while (i < files.length && batch.length < IMPORT_BATCH_FILES) {
      const f = files[i]!;
      if (batch.length > 0 && bytes + f.file.size > BATCH_BYTES) break;
      const read = await readBytes(f);
      bytes += read?.byteLength ?? 0;
      batch.push({ name: f.name.slice(0, 1000), size: f.file.size, bytes: read });
      i++;
    }
    const answer = call('program:import', { files: batch, importId });
    // Awaited in order below; a failure is read there, not left unhandled meanwhile.
    answer.catch(() => undefined);
    queue.push({ from, size: batch.length, answer });
  };
  while (queue.length > 0 || (i < files.length && !failed && !shouldStop())) {
    while (queue.length < IN_FLIGHT && i < files.length && !failed && !shouldStop()) await send();
    const sent = queue.shift()!;
    try {
      results.push(...(await sent.answer));
      done += sent.size;
    } catch (e) {
      // The failed batch was rolled back whole: its files count as not checked.
      if (!failed) error = e;
      failed = true;
      notChecked += sent.size;
    }
    onProgress({ done, total: files.length });
  }
  // Files never sent: the user stopped, or a batch failed.
  notChecked += files.length - i;
  return error === undefined ? { results, notChecked } : { results, notChecked, error };
}
