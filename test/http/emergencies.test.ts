import { CORPUS_DIR } from '../../src/paths';
import { loadVignettes } from '../../src/triage/triageCases';
import { message, post, startServer, type Harness } from './httpHarness';

interface Reply {
  type: string;
  text?: string;
  entities?: Array<{ type: string; level?: string }>;
}

/**
 * Every emergency case of the regression suite (corpus/triage-cases.yml and the folded probe batches), sent over
 * HTTP as a person would, one message at a time in a conversation of its own: the turn that first states the
 * emergency answers with the instruction as its first sentence and carries the triage entity.
 */
describe('every emergency case over HTTP', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startServer();
    // With no built artefact (a fresh clone), the second opinion is trained when a GP reading first asks it: about 11 s
    // alone, more on a busy machine. Train it here rather than inside the first case that needs it (faa-e33 timed out).
    expect(harness.app.triage.assess(['my calves cramp most nights and wake me up']).level).not.toBe('self_care');
  }, 120_000);
  afterAll(() => harness.close());

  const emergencies = loadVignettes(CORPUS_DIR).filter((vignette) => vignette.level === 'emergency');

  it('has the emergency cases of the suite and every probe batch', () => {
    expect(emergencies.length).toBeGreaterThan(200);
  });

  it.each(emergencies.map((vignette) => [vignette.id, vignette] as const))('%s: "Call 999 now" first, with the triage entity', async (id, vignette) => {
    let first: Reply | undefined;
    for (const text of vignette.messages) {
      const { status, json } = await post(harness.url, message(text, { conversation: { id: `emergency-${id}` } }));
      expect(status).toBe(200);
      const replies = ((json?.activities ?? []) as Reply[]).filter((reply) => reply.type === 'message');
      if (replies.some((reply) => reply.entities?.some((entity) => entity.type === 'triage' && entity.level === 'emergency'))) {
        first = replies[0];
        break;
      }
    }
    expect(first?.text ?? '').toMatch(/^Call 999 now/);
    expect(first?.entities).toContainEqual(expect.objectContaining({ type: 'triage', level: 'emergency' }));
  });
});
