import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { RegionServices } from '../triage/triage';
import { loadCorpusArtefact, type CorpusArtefact } from '../corpusArtefact';
import type { Answer, KnowledgeBase, Source } from './knowledgeBase';
import { renderAnswer, unknownPlaceholders, type RenderContext } from './renderAnswer';
import { isTrustedSourceUrl } from './trustedSources';

/** A knowledge file that cannot be served; the message names the file and the problem. */
export class KnowledgeBaseError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'KnowledgeBaseError';
  }
}

/** The line that separates the short answer from the "tell me more" text. */
export const MORE_MARKER = '<!-- more -->';

/**
 * Loads the answers in `<corpusDir>/knowledge/*.md` (README.md aside): YAML front matter (`topic`, `weakEvidence`,
 * `sources: [{title, url}]`), the short answer, a `<!-- more -->` line, the longer text.
 *
 * @param defaults what placeholders are filled with when `answer(topic)` gets no services:
 *   pass `{ services: triage.services, stateTtlDays: config.stateTtlDays }`.
 * @throws KnowledgeBaseError when a file is malformed, has an unknown placeholder, or cites a page that
 *   is not an NHS, NICE, GOV.UK or Cochrane page (a start-up error, not a silent gap).
 */
export function loadKnowledgeBase(corpusDir: string, defaults: RenderContext = {}): KnowledgeBase {
  const answers = new Map(loadCorpusArtefact(knowledgeArtefact(corpusDir)).map((answer) => [answer.topic, answer]));
  return {
    answer(topic: string, services?: RegionServices) {
      const answer = answers.get(topic);
      return answer && renderAnswer(answer, { ...defaults, services: services ?? defaults.services });
    },
    topics: () => [...answers.keys()],
  };
}

/** The checked answers of corpus/knowledge, so start-up reads them without the YAML parser. */
export function knowledgeArtefact(corpusDir: string): CorpusArtefact<Answer[]> {
  const dir = join(corpusDir, 'knowledge');
  const files = readdirSync(dir).filter((file) => file.endsWith('.md') && file !== 'README.md').sort();
  return {
    name: 'knowledge',
    corpusFiles: files.map((name) => join(dir, name)),
    codeFiles: [__filename, require.resolve('./trustedSources')],
    build: () => files.map((name) => parseAnswer(readFileSync(join(dir, name), 'utf8'), name)),
  };
}

/** Parses one knowledge file; `name` is its file name, which must be `<topic>.md`. */
export function parseAnswer(content: string, name: string): Answer {
  const fail = (problem: string): never => {
    throw new KnowledgeBaseError(name, problem);
  };
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(content);
  if (!match) return fail('must start with YAML front matter between --- lines');
  let front: unknown;
  try {
    // Required here, not at the top: start-up reads the build artefact and never needs the parser.
    const { parse: parseYaml } = require('yaml') as typeof import('yaml');
    front = parseYaml(match[1]);
  } catch (error) {
    return fail(`front matter is not valid YAML: ${(error as Error).message}`);
  }
  if (typeof front !== 'object' || front === null) return fail('front matter must be a mapping');
  const { topic, weakEvidence, sources } = front as Record<string, unknown>;
  if (typeof topic !== 'string' || !/^[a-z_]+$/.test(topic)) return fail('topic must be a lower_snake_case name');
  if (basename(name, '.md') !== topic) fail(`topic "${topic}" must match the file name`);
  if (typeof weakEvidence !== 'boolean') fail('weakEvidence must be true or false');
  if (!Array.isArray(sources) || sources.length === 0) fail('sources must list at least one {title, url}');
  const checked = (sources as unknown[]).map((source, i): Source => {
    const { title, url } = (source ?? {}) as Record<string, unknown>;
    if (typeof title !== 'string' || title.trim() === '') fail(`sources[${i}] needs a title`);
    if (typeof url !== 'string' || !isTrustedSourceUrl(url)) {
      fail(`sources[${i}] must be an https NHS, NICE, GOV.UK or Cochrane page, not ${JSON.stringify(url)}`);
    }
    return { title: (title as string).trim(), url: url as string };
  });

  const parts = match[2].split(MORE_MARKER);
  if (parts.length !== 2) fail(`needs exactly one "${MORE_MARKER}" line between the short answer and the rest`);
  const [text, more] = parts.map((part) => part.trim());
  if (!text) fail('the short answer is empty');
  if (!more) fail('the "tell me more" text is empty');
  const unknown = unknownPlaceholders(`${text}\n${more}`);
  if (unknown.length > 0) fail(`unknown placeholder(s): ${unknown.map((p) => `{${p}}`).join(', ')}`);

  return { topic, text, more, sources: checked, weakEvidence: weakEvidence as boolean };
}
