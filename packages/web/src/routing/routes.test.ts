import { describe, expect, it } from 'vitest';
import { conductPath, hallPath, livePath, matchRoute, publicPath } from './routes';

const ID = '5f0c6b8e-3c1a-4d2b-9e4f-0a1b2c3d4e5f';

describe('matchRoute', () => {
  it('knows the upcoming sittings and a sitting’s live page', () => {
    expect(matchRoute('/')).toEqual({ name: 'sittings' });
    expect(matchRoute(`/sittings/${ID}/live`)).toEqual({ name: 'live', sittingId: ID });
    expect(matchRoute(`/sittings/${ID.toUpperCase()}/live/`)).toEqual({
      name: 'live',
      sittingId: ID,
    });
  });

  it('gives anything else, a malformed id included, as not found', () => {
    expect(matchRoute('/sittings/123/live')).toEqual({ name: 'notFound' });
    expect(matchRoute(`/sittings/${ID}`)).toEqual({ name: 'notFound' });
    expect(matchRoute(`/sittings/${ID}/live/extra`)).toEqual({ name: 'notFound' });
  });

  it('matches the paths it makes', () => {
    expect(matchRoute(livePath(ID))).toEqual({ name: 'live', sittingId: ID });
    expect(matchRoute(conductPath(ID))).toEqual({ name: 'conduct', sittingId: ID });
    expect(matchRoute(`/sittings/${ID.toUpperCase()}/conduct/`)).toEqual({
      name: 'conduct',
      sittingId: ID,
    });
  });

  it('knows the public live page and the hall display', () => {
    expect(matchRoute(publicPath(ID))).toEqual({ name: 'public', sittingId: ID });
    expect(matchRoute(hallPath(ID))).toEqual({ name: 'hall', sittingId: ID });
    expect(matchRoute(`/public/sittings/${ID.toUpperCase()}/`)).toEqual({
      name: 'public',
      sittingId: ID,
    });
    expect(matchRoute('/hall/sittings/123')).toEqual({ name: 'notFound' });
  });
});
