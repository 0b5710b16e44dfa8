/**
 * Which web pages crampbot may cite: NHS (nhs.uk, and NHS Scotland's NHS inform), NICE, GOV.UK (MHRA) and the Cochrane
 * Library (SPEC §4).
 *
 * @remarks Some hosts under these domains are old copies or syndication feeds of NHS pages, whose wording
 * has since changed (medical.md "Caveats"); they are refused even though their domain looks right.
 */
const TRUSTED_DOMAINS = ['nhs.uk', 'nhsinform.scot', 'nice.org.uk', 'gov.uk', 'cochranelibrary.com'];

/** Mirrors and old copies named in medical.md: never cite them. */
/** nidirect (www.nidirect.gov.uk) is Northern Ireland's own government site, not a copy: it may be cited. */
const MIRROR_HOSTS = ['developer.api.nhs.uk', 'beta.nhs.uk'];

export function isTrustedSourceUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  const host = parsed.hostname.toLowerCase();
  if (MIRROR_HOSTS.some((mirror) => host === mirror || host.endsWith(`.${mirror}`))) return false;
  return TRUSTED_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
