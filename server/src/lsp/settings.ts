import { t } from '../core/i18n';
import { isVersionSetting, type VersionSetting } from '../core/schema/resolveVersion';

// The server's view of the `apeDts` settings. They come from three places: VS Code's
// workspace/configuration (per document, pulled), initializationOptions (editors that cannot
// answer workspace/configuration), and didChangeConfiguration pushes. Every one of them is
// user input, so each field is checked and falls back instead of trusting the shape.

export type LintRun = 'onType' | 'onSave';

export interface ApeDtsSettings {
  version: VersionSetting;
  lint: { run: LintRun };
}

export const DEFAULT_SETTINGS: ApeDtsSettings = { version: 'auto', lint: { run: 'onType' } };

/** Reads `{version, lint: {run}}` from anything; a missing or unknown field keeps `base`'s value. */
export function readSettings(raw: unknown, base: ApeDtsSettings = DEFAULT_SETTINGS): ApeDtsSettings {
  const obj = isRecord(raw) ? raw : {};
  const lint = isRecord(obj.lint) ? obj.lint : {};
  return {
    version: typeof obj.version === 'string' && isVersionSetting(obj.version) ? obj.version : base.version,
    lint: { run: lint.run === 'onType' || lint.run === 'onSave' ? lint.run : base.lint.run },
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Pulls `apeDts` for one document; rejects when the client fails the request. */
export type FetchSection = (scopeUri: string) => Promise<unknown>;

/**
 * Settings per document. With a client that answers workspace/configuration each document's
 * settings are pulled once and kept until the configuration changes (folders can differ);
 * without one, every document uses the initialization options / last pushed settings.
 */
export class SettingsStore {
  private readonly perDocument = new Map<string, Promise<ApeDtsSettings>>();
  private global: ApeDtsSettings;

  constructor(
    initializationOptions: unknown,
    private readonly fetchSection: FetchSection | undefined,
    private readonly logError: (message: string) => void,
  ) {
    this.global = readSettings(initializationOptions);
  }

  get(uri: string): Promise<ApeDtsSettings> {
    if (!this.fetchSection) return Promise.resolve(this.global);
    let pending = this.perDocument.get(uri);
    if (!pending) {
      pending = this.fetchSection(uri).then(
        (raw) => readSettings(raw, this.global),
        (err: unknown) => {
          this.logError(t('lsp.settings.unreadable', { uri, error: String(err) }));
          return this.global;
        },
      );
      this.perDocument.set(uri, pending);
    }
    return pending;
  }

  /** didChangeConfiguration: drop pulled settings; a push (`settings.apeDts`) replaces the fallback. */
  changed(pushed: unknown): void {
    this.perDocument.clear();
    const section = isRecord(pushed) ? pushed.apeDts : undefined;
    if (section !== undefined) this.global = readSettings(section, this.global);
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
  }
}
