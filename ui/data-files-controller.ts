import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  csvColumns,
  USER_FILE_LIMITS,
  fileNameProblem,
  fileSizeProblem,
  fileTextProblem,
  keptFiles,
  mergeLinkFiles,
  sizeText,
  withFile,
  type UserFile,
} from '../sim/index.js';
import type { DataFileEntry } from './components/data-files.js';
import type { FitFile } from './components/fit-panel.js';
import { loadUserFiles, saveUserFiles } from './state/saved-edits.js';
import { errorMessage } from './worker/protocol.js';

/** What changed in the user's files: the names given, changed or removed, and what the page must say (or null). */
export interface FilesChange {
  names: string[];
  message: string | null;
}

/**
 * The CSV files the user gives the page: chosen with the file input, or dropped anywhere on the
 * window (a dropped file never opens in place of the page, which would lose the user's work). Each
 * is checked (name, size, text), kept for the next visit within the session's share of storage,
 * and reported to the host through `onChange`, which passes them to the runs and says what happened.
 */
export class DataFilesController implements ReactiveController {
  files: UserFile[] = [];
  /** Names of the files the session keeps; the others last until the page is left. */
  kept = new Set<string>();
  /** True while files are dragged over the page (it shows where to drop them). */
  dragging = false;
  private dragTimer: ReturnType<typeof setTimeout> | undefined;
  private fitFileCache: { files: UserFile[]; value: FitFile[] } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onChange: (change: FilesChange) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('dragover', this.onDragOver);
    window.addEventListener('drop', this.onDrop);
  }

  hostDisconnected(): void {
    window.removeEventListener('dragover', this.onDragOver);
    window.removeEventListener('drop', this.onDrop);
  }

  /** The files kept from the last visit; a notice (or null) when what is stored could not be read. */
  restore(): string | null {
    const { files, problem } = loadUserFiles();
    this.files = files;
    this.kept = new Set(files.map((f) => f.name));
    return problem === null ? null : `Your CSV files from the last visit could not be reopened: ${problem}. Choose or drop them again.`;
  }

  /** Adds the files a link brought (see mergeLinkFiles); returns what the page should say of renamed files, or null. */
  addFromLink(linked: readonly UserFile[]): string | null {
    if (linked.length === 0) return null;
    const { files, renamed } = mergeLinkFiles(this.files, linked);
    this.files = files;
    const stored = this.store();
    const moves = renamed.map(([from, to]) => `your ${from} is now named ${to}`).join('; ');
    const parts = [
      ...(moves ? [`The link brought its own ${renamed.map(([from]) => from).join(', ')}: ${moves}, so nothing of yours is lost.`] : []),
      ...(stored ? [stored] : []),
    ];
    return parts.length > 0 ? parts.join(' ') : null;
  }

  /** Reads, checks and adds files the user chose or dropped; says what was refused or not kept. */
  async give(given: readonly File[]): Promise<void> {
    const messages: string[] = [];
    const names: string[] = [];
    for (const file of given) {
      const refusal = fileNameProblem(file.name) ?? fileSizeProblem(file.name, file.size);
      if (refusal !== null) {
        messages.push(`${refusal.replace(/^a file name/, `The file name ${JSON.stringify(file.name.slice(0, 80))}`)}.`);
        continue;
      }
      let text: string;
      try {
        text = await file.text();
      } catch (error) {
        messages.push(`${file.name} could not be read: ${errorMessage(error)}.`);
        continue;
      }
      const problem = fileTextProblem(file.name, text);
      if (problem !== null) {
        messages.push(`${problem}.`);
        continue;
      }
      this.files = withFile(this.files, { name: file.name, text });
      names.push(file.name);
    }
    if (names.length > 0) {
      const stored = this.store();
      if (stored) messages.push(stored);
    }
    this.onChange({ names, message: messages.length > 0 ? messages.join(' ') : null });
  }

  remove(name: string): void {
    this.files = this.files.filter((f) => f.name !== name);
    const stored = this.store();
    this.onChange({ names: [name], message: stored });
  }

  /** The list as the data-files element shows it. */
  entries(): DataFileEntry[] {
    return this.files.map((f) => ({ name: f.name, chars: f.text.length, kept: this.kept.has(f.name) }));
  }

  /** The files with their header's columns, for the fit panel (the same array while the files are the same). */
  fitFiles(): FitFile[] {
    if (this.fitFileCache?.files !== this.files)
      this.fitFileCache = { files: this.files, value: this.files.map((f) => ({ name: f.name, columns: csvColumns(f.text) })) };
    return this.fitFileCache.value;
  }

  text(name: string): string | undefined {
    return this.files.find((f) => f.name === name)?.text;
  }

  /** Keeps what fits for the next visit; what the page must say when a file is not kept, or null. */
  private store(): string | null {
    const { kept, unkept } = keptFiles(this.files);
    const saved = saveUserFiles(kept);
    this.kept = new Set(saved ? kept.map((f) => f.name) : []);
    this.host.requestUpdate();
    if (!saved) {
      return 'Your CSV files could not be kept for your next visit (the browser refused to store them: its storage is full or blocked). They work until you leave the page; after a reload, choose or drop them again.';
    }
    if (unkept.length === 0) return null;
    const list = unkept.map((f) => `${f.name} (${sizeText(f.text.length)})`).join(', ');
    return (
      `${list} ${unkept.length === 1 ? 'works' : 'work'} until you leave the page, but ${unkept.length === 1 ? 'is' : 'are'} not kept for your next visit: ` +
      `the page keeps up to ${sizeText(USER_FILE_LIMITS.keptChars)} of files. After a reload, choose or drop ${unkept.length === 1 ? 'it' : 'them'} again.`
    );
  }

  private readonly onDragOver = (event: DragEvent): void => {
    if (!hasFiles(event)) return;
    // Without this the browser would open the file in place of the page.
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    if (!this.dragging) {
      this.dragging = true;
      this.host.requestUpdate();
    }
    // dragover repeats while files are held over the page; when it stops, they went away.
    clearTimeout(this.dragTimer);
    this.dragTimer = setTimeout(() => {
      this.dragging = false;
      this.host.requestUpdate();
    }, 300);
  };

  private readonly onDrop = (event: DragEvent): void => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    clearTimeout(this.dragTimer);
    this.dragging = false;
    this.host.requestUpdate();
    void this.give([...(event.dataTransfer?.files ?? [])]);
  };
}

function hasFiles(event: DragEvent): boolean {
  return [...(event.dataTransfer?.types ?? [])].includes('Files');
}
