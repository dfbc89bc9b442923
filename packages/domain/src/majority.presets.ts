import type { MajorityBase, MajorityRule, ThresholdComparison } from './majority.rules.js';
import type { Country } from './vocabulary.js';

/** A named, stable rule a council can pick; the web client translates it by `id`. */
export interface MajorityPreset {
  readonly id: MajorityPresetId;
  readonly country: Country;
  /** The rule's name in the country's language, for documents and logs. */
  readonly nativeName: string;
  readonly rule: MajorityRule;
}

const rule = (
  comparison: ThresholdComparison,
  num: number,
  den: number,
  base: MajorityBase,
): MajorityRule => ({ base, comparison, num, den });

export const MAJORITY_PRESET_IDS = [
  'pl.simple',
  'pl.absolute_valid',
  'pl.absolute_statutory',
  'pl.two_thirds_statutory',
  'pl.three_fifths_statutory',
  'bg.majority_present',
  'bg.more_than_half_all',
  'bg.two_thirds_all',
  'rs.majority_present',
  'rs.majority_all',
] as const;
export type MajorityPresetId = (typeof MAJORITY_PRESET_IDS)[number];

/**
 * The presets of DESIGN.md section 4. `pl.simple` is the default of art. 14 of the Polish
 * municipal self-government act ("zwykłą większością głosów"): more for than against, i.e. more
 * than half of the votes cast. The others are named by the rule they implement.
 */
export const MAJORITY_PRESETS: readonly MajorityPreset[] = [
  {
    id: 'pl.simple',
    country: 'PL',
    nativeName: 'zwykła większość głosów',
    rule: rule('more_than', 1, 2, 'cast'),
  },
  {
    id: 'pl.absolute_valid',
    country: 'PL',
    nativeName: 'bezwzględna większość głosów',
    rule: rule('more_than', 1, 2, 'valid'),
  },
  {
    id: 'pl.absolute_statutory',
    country: 'PL',
    nativeName: 'bezwzględna większość ustawowego składu',
    rule: rule('more_than', 1, 2, 'statutory'),
  },
  {
    id: 'pl.two_thirds_statutory',
    country: 'PL',
    nativeName: 'większość 2/3 ustawowego składu',
    rule: rule('at_least', 2, 3, 'statutory'),
  },
  {
    id: 'pl.three_fifths_statutory',
    country: 'PL',
    nativeName: 'większość 3/5 ustawowego składu',
    rule: rule('at_least', 3, 5, 'statutory'),
  },
  {
    id: 'bg.majority_present',
    country: 'BG',
    nativeName: 'мнозинство повече от половината от присъстващите',
    rule: rule('more_than', 1, 2, 'present'),
  },
  {
    id: 'bg.more_than_half_all',
    country: 'BG',
    nativeName: 'повече от половината от общия брой на съветниците',
    rule: rule('more_than', 1, 2, 'statutory'),
  },
  {
    id: 'bg.two_thirds_all',
    country: 'BG',
    nativeName: 'две трети от общия брой на съветниците',
    rule: rule('at_least', 2, 3, 'statutory'),
  },
  {
    id: 'rs.majority_present',
    country: 'RS',
    nativeName: 'већина присутних',
    rule: rule('more_than', 1, 2, 'present'),
  },
  {
    id: 'rs.majority_all',
    country: 'RS',
    nativeName: 'већина од укупног броја',
    rule: rule('more_than', 1, 2, 'statutory'),
  },
];

/** True when the text is one of the preset ids. */
export function isMajorityPresetId(id: string): id is MajorityPresetId {
  return (MAJORITY_PRESET_IDS as readonly string[]).includes(id);
}

/** The preset with this id (DESIGN.md section 4, "Majority rules"). */
export function majorityPreset(id: MajorityPresetId): MajorityPreset {
  const found = MAJORITY_PRESETS.find((preset) => preset.id === id);
  if (found === undefined) throw new RangeError(`unknown majority preset ${id}`);
  return found;
}

/** A country's presets, in the order councils usually meet them (DESIGN.md section 4). */
export function majorityPresetsFor(country: Country): MajorityPreset[] {
  return MAJORITY_PRESETS.filter((preset) => preset.country === country);
}
