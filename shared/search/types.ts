/** What the app hands the index: one record, all its searchable text in `text`. */
export interface SearchDoc {
  readonly id: string;
  /** The record type ('interview', 'docReview' …), returned with hits, not searched. */
  readonly kind: string;
  readonly title: string;
  readonly text: string;
}

/** A highlighted range, [start, end) in UTF-16 units of the text it belongs to. */
export interface Highlight {
  start: number;
  end: number;
}

/** A short window of a document's original text around its matches. */
export interface Snippet {
  readonly text: string;
  /** Where `text` starts in the document's text: > 0 means the UI shows a leading "…". */
  readonly offset: number;
  /** Ranges of `text` to highlight, sorted, not overlapping. */
  readonly highlights: Highlight[];
}

export interface SearchHit {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  /**
   * Orders hits, higher first: terms found in the title, then occurrences of all terms,
   * then shorter documents, packed into one number (see rank.ts). Equal scores go by id.
   */
  readonly score: number;
  /** Ranges of `title` to highlight; empty when no term occurs in the title. */
  readonly titleHighlights: Highlight[];
  /** Up to three windows of the text; empty when the terms occur only in the title. */
  readonly snippets: Snippet[];
}

export interface SearchResult {
  readonly hits: SearchHit[];
  /** How many documents match: all of them, not only the `limit` returned. */
  readonly total: number;
}

export interface SearchOptions {
  /** How many hits to return, best first (default 50). */
  readonly limit?: number;
}
