import type { Party } from '../corpus/corpusTypes.js';
import { editDistance } from '../text/nearWords.js';
import { foldTypography } from '../text/typography.js';

const fold = (text: string): string => foldTypography(text).replace(/^the /, '');

/** All the names a party goes by, folded. */
function names(party: Party): string[] {
  return [party.id, party.name, ...party.aliases].map(fold);
}

/**
 * The party a user means: by id, name or alias; then by a name that starts with or contains what
 * was typed; then by a near spelling. Undefined when nothing is close enough.
 */
export function findParty(parties: readonly Party[], typed: string): Party | undefined {
  const wanted = fold(typed);
  if (!wanted) return undefined;
  return (
    parties.find((p) => names(p).includes(wanted)) ??
    parties.find((p) => names(p).some((n) => n.startsWith(wanted))) ??
    parties.find((p) => wanted.length >= 3 && names(p).some((n) => n.includes(wanted))) ??
    parties.find((p) =>
      names(p).some((n) => editDistance(n, wanted, 2) <= (wanted.length >= 8 ? 2 : 1)),
    )
  );
}

/** Parties whose names match what the user has typed so far, best first (autocomplete). */
export function partiesMatching(parties: readonly Party[], typed: string): Party[] {
  const wanted = fold(typed);
  if (!wanted) return [...parties];
  const rank = (party: Party): number => {
    const all = names(party);
    if (all.some((n) => n.startsWith(wanted))) return 0;
    if (all.some((n) => n.includes(wanted))) return 1;
    return 2;
  };
  return parties.filter((p) => rank(p) < 2).sort((a, b) => rank(a) - rank(b));
}
