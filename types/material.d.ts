// What our browser code uses from Material for MkDocs' bundle, for `tsc --checkJs`.
interface MaterialObservable<T> {
  subscribe(next: (value: T) => void): { unsubscribe(): void };
}

interface Window {
  /** Emits the document on the first load and after every instant navigation. */
  document$?: MaterialObservable<Document>;
  /** Set by app/history-hook.js, which must run before Material registers its own listener. */
  guideOnPopstate?: (event: PopStateEvent) => void;
  guideHistoryHook?: number;
}
