import { describe, expect, it } from 'vitest';
import {
  consultationPath,
  councilConsultationsPath,
  matchRoute,
  newConsultationPath,
} from '../routing/routes';

const COUNCIL = '0b7c3f4e-8d1a-4c2b-9e6f-1a2b3c4d5e6f';
const CONSULTATION = '7e1d2c3b-4a5f-4e6d-8c7b-9a0f1e2d3c4b';

describe('consultation routes', () => {
  it('matches the paths it makes, and nothing that merely looks like one', () => {
    expect(matchRoute(councilConsultationsPath(COUNCIL))).toEqual({
      name: 'councilConsultations',
      councilId: COUNCIL,
    });
    expect(matchRoute(newConsultationPath(COUNCIL.toUpperCase()))).toEqual({
      name: 'newConsultation',
      councilId: COUNCIL,
    });
    expect(matchRoute(`${consultationPath(CONSULTATION)}/`)).toEqual({
      name: 'consultation',
      consultationId: CONSULTATION,
    });
    expect(matchRoute('/consultations/not-a-uuid').name).toBe('notFound');
    expect(matchRoute(`/councils/${COUNCIL}/consultations/old`).name).toBe('notFound');
  });
});
