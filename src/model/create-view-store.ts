import type { IncidentLog } from '../log/types.js';
import { buildView, type BuildViewOptions, type DocumentKind, type DocumentView } from './build-view.js';

/** The views of a run: each one built once, then shared by every document, format and archive page that needs it. */
export interface ViewStore {
  /** The view of one document of a log in one language, built on first use. */
  get(log: IncidentLog, kind: DocumentKind, lang: string): DocumentView;
}

/**
 * A store that builds views with {@link buildView} and keeps those of the kinds in `keep` (the ones
 * a later step, such as the archive, will ask for again); the others are built on each call and
 * never held, so a long batch keeps no report view in memory.
 */
export function createViewStore(options: BuildViewOptions, keep: readonly DocumentKind[] = []): ViewStore {
  const kept = new WeakMap<IncidentLog, Map<string, DocumentView>>();
  return {
    get(log, kind, lang) {
      if (!keep.includes(kind)) return buildView(log, kind, lang, options);
      let views = kept.get(log);
      if (!views) kept.set(log, (views = new Map<string, DocumentView>()));
      const key = `${kind}\u0000${lang}`;
      let view = views.get(key);
      if (!view) views.set(key, (view = buildView(log, kind, lang, options)));
      return view;
    },
  };
}
