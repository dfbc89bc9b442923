import type { Survey } from './survey.rules.js';

/** A survey with one question of every kind, for tests and the demo. */
export const SAMPLE_SURVEY: Survey = {
  questions: [
    {
      id: 'park',
      kind: 'single_choice',
      prompt: 'Should the old market become a park?',
      required: true,
      options: [
        { id: 'yes', label: 'Yes' },
        { id: 'no', label: 'No' },
        { id: 'unsure', label: 'I do not know' },
      ],
    },
    {
      id: 'uses',
      kind: 'multiple_choice',
      prompt: 'What should it have?',
      required: false,
      options: [
        { id: 'trees', label: 'Trees' },
        { id: 'benches', label: 'Benches' },
        { id: 'playground', label: 'A playground' },
        { id: 'fountain', label: 'A fountain' },
      ],
      minSelections: 1,
      maxSelections: 2,
    },
    { id: 'name', kind: 'short_text', prompt: 'A name for it?', required: false },
    { id: 'comments', kind: 'long_text', prompt: 'Anything else?', required: false },
    {
      id: 'importance',
      kind: 'scale',
      prompt: 'How important is it?',
      required: true,
      min: 1,
      max: 5,
      minLabel: 'Not at all',
      maxLabel: 'Very',
    },
    {
      id: 'priorities',
      kind: 'ranking',
      prompt: 'Order these by priority',
      required: false,
      options: [
        { id: 'green', label: 'Green space' },
        { id: 'parking', label: 'Parking' },
        { id: 'market', label: 'Market stalls' },
      ],
    },
  ],
};
