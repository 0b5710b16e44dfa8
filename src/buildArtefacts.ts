import { relative } from 'node:path';
import { readArtefact, writeCorpusArtefact, type CorpusArtefact } from './corpusArtefact';
import { CORPUS_DIR, PROJECT_ROOT } from './paths';
import { intentModelArtefact } from './nlu/loadRecognizer';
import { messagesArtefact } from './cards/messages';
import { knowledgeArtefact } from './knowledge/loadKnowledgeBase';
import { lexiconArtefact } from './understanding/lexicon';
import { triageRulesArtefact } from './triage/ruleSet';
import { secondOpinionArtefact } from './triage/secondOpinion';
import { domainArtefact, ownWordsArtefactOf } from './nlu/domain';
import { routingArtefact } from './nlu/routingHints';

/** Every artefact `npm run build` writes to dist/artefacts; add a new one here (see src/corpusArtefact.ts). */
export const ARTEFACTS: ReadonlyArray<(corpusDir: string) => CorpusArtefact<unknown>> = [
  intentModelArtefact,
  messagesArtefact,
  knowledgeArtefact,
  lexiconArtefact,
  triageRulesArtefact,
  secondOpinionArtefact,
  domainArtefact,
  ownWordsArtefactOf,
  routingArtefact,
];

/** `npm run build`, after tsc: builds each artefact whose corpus or code changed since it was written. */
function main(): void {
  for (const artefactFor of ARTEFACTS) {
    const artefact = artefactFor(CORPUS_DIR);
    if (readArtefact(artefact) !== undefined) continue;
    const started = performance.now();
    const path = writeCorpusArtefact(artefact);
    console.log(`built ${relative(PROJECT_ROOT, path)} in ${Math.round(performance.now() - started)} ms`);
  }
}

if (require.main === module) main();
