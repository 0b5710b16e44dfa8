export interface Source {
  title: string;
  url: string;
}

/** One answer from corpus/knowledge: short enough for a chat bubble, with its sources. */
export interface Answer {
  topic: string;
  text: string;
  /** Further detail for "tell me more". */
  more: string;
  sources: Source[];
  /** True where the evidence is weak; the text says so too. */
  weakEvidence: boolean;
}

export interface KnowledgeBase {
  answer(topic: string): Answer | undefined;
  topics(): string[];
}
