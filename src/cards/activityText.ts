import type { Activity, Attachment } from 'botbuilder';

/** What a person reads in a reply, as plain text: its text and the text of its cards (for the terminal and tests). */
export function readableText(activity: Partial<Activity>): string {
  const parts: string[] = [];
  if (activity.text) parts.push(activity.text);
  for (const attachment of activity.attachments ?? []) {
    const text = attachmentText(attachment);
    if (text) parts.push(text);
  }
  return parts.join('\n');
}

/** The titles of a reply's suggested actions, in order. */
export function suggestedActionTitles(activity: Partial<Activity>): string[] {
  return (activity.suggestedActions?.actions ?? []).map((action) => String(action.title ?? action.value ?? ''));
}

/** The titles of the buttons on a reply's cards (Teams shows a long list of choices as a hero card). */
export function cardButtonTitles(activity: Partial<Activity>): string[] {
  return (activity.attachments ?? []).flatMap((attachment) => {
    const content = attachment.content as { buttons?: { title?: string }[]; actions?: { title?: string }[] } | undefined;
    return [...(content?.buttons ?? []), ...(content?.actions ?? [])].map((button) => String(button.title ?? ''));
  });
}

function attachmentText(attachment: Attachment): string {
  const content = attachment.content as Record<string, unknown> | undefined;
  if (!content) return '';
  if (attachment.contentType === 'application/vnd.microsoft.card.adaptive') return elementText(content.body).join('\n');
  return [content.title, content.subtitle, content.text].filter((part) => typeof part === 'string' && part).join('\n');
}

function elementText(elements: unknown): string[] {
  if (!Array.isArray(elements)) return [];
  return elements.flatMap((element: Record<string, unknown>) => {
    switch (element?.type) {
      case 'TextBlock':
        return typeof element.text === 'string' ? [element.text] : [];
      case 'FactSet':
        return ((element.facts as { title: string; value: string }[]) ?? []).map((fact) => `${fact.title}: ${fact.value}`);
      case 'Container':
        return elementText(element.items);
      case 'ColumnSet':
        return ((element.columns as { items?: unknown }[]) ?? []).flatMap((column) => elementText(column.items));
      default:
        return [];
    }
  });
}
