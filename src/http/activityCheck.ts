import type { Activity } from 'botbuilder';

const MAX_ID_LENGTH = 1024;
// C0 and C1 control characters, DEL, and the Unicode line/paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export type ActivityCheck = { ok: true; activity: Activity } | { ok: false; problem: string };

/**
 * Checks that a request body is an activity the bot can take: an object with a type, a channel,
 * a conversation and a sender with sane ids, and text (if any) as a string.
 * @remarks Ids may look like paths ("../../x"): storage keys are escaped by the storage. Ids with
 * control characters are refused here, since no channel sends them.
 */
export function checkActivity(body: unknown): ActivityCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return fail('the body must be a JSON object (an activity)');
  const activity = body as Record<string, unknown>;
  if (!isId(activity.type, 64)) return fail('"type" is missing or not a short string');
  if (!isId(activity.channelId, 256)) return fail('"channelId" is missing or not a short string');
  const conversation = activity.conversation as Record<string, unknown> | undefined;
  if (!isObject(conversation) || !isId(conversation.id, MAX_ID_LENGTH)) return fail('"conversation.id" is missing or invalid');
  const from = activity.from as Record<string, unknown> | undefined;
  if (!isObject(from) || !isId(from.id, MAX_ID_LENGTH)) return fail('"from.id" is missing or invalid');
  if (from.name !== undefined && from.name !== null && typeof from.name !== 'string') return fail('"from.name" must be a string');
  if (activity.recipient !== undefined && !isObject(activity.recipient)) return fail('"recipient" must be an object');
  if (activity.text !== undefined && activity.text !== null && typeof activity.text !== 'string') return fail('"text" must be a string');
  for (const field of ['attachments', 'entities', 'membersAdded', 'membersRemoved'] as const) {
    const list = activity[field];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list) || !list.every(isObject)) return fail(`"${field}" must be an array of objects`);
    if (field.startsWith('members') && !list.every((member) => isId(member.id, MAX_ID_LENGTH))) return fail(`every "${field}" entry needs an id`);
  }
  for (const field of ['serviceUrl', 'deliveryMode', 'locale', 'id', 'replyToId', 'name'] as const) {
    if (activity[field] !== undefined && activity[field] !== null && typeof activity[field] !== 'string') return fail(`"${field}" must be a string`);
  }
  return { ok: true, activity: activity as unknown as Activity };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown, maxLength: number): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= maxLength && !CONTROL.test(value);
}

function fail(problem: string): ActivityCheck {
  return { ok: false, problem };
}
