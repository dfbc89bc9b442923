import { describe, expect, it } from 'vitest';
import {
  agendaTemplatesPath,
  conductPath,
  hallPath,
  livePath,
  matchRoute,
  newSittingPath,
  preparePath,
  setPasswordPath,
  publicPath,
  securityPath,
  tabletPath,
} from './routes';

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

  it('knows the office’s sitting editor and its new-sitting form', () => {
    expect(matchRoute(preparePath(ID))).toEqual({ name: 'prepare', sittingId: ID });
    expect(matchRoute(newSittingPath(ID.toUpperCase()))).toEqual({
      name: 'newSitting',
      councilId: ID,
    });
    expect(matchRoute(`/councils/${ID}/sittings`)).toEqual({ name: 'notFound' });
  });

  it('knows the office’s agenda templates of a council', () => {
    expect(matchRoute(agendaTemplatesPath(ID.toUpperCase()))).toEqual({
      name: 'agendaTemplates',
      councilId: ID,
    });
    expect(matchRoute('/councils/123/agenda-templates')).toEqual({ name: 'notFound' });
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

  it('knows a tablet’s one-time sign-in code, and nothing that merely looks like one', () => {
    const token = 'q7dV3kP0xYz-AbCdEfGhIjKlMnOpQrStUvWxYz012_4';
    expect(matchRoute(tabletPath(token))).toEqual({ name: 'tablet', token });
    expect(matchRoute(`/tablet/${token}/`)).toEqual({ name: 'tablet', token });
    expect(matchRoute('/tablet/short')).toEqual({ name: 'notFound' });
    expect(matchRoute(`/tablet/${token}/extra`)).toEqual({ name: 'notFound' });
    expect(matchRoute('/tablet/has%20space-and-more-than-twenty')).toEqual({ name: 'notFound' });
  });

  it('knows an invitation’s set-password link, and nothing that merely looks like one', () => {
    const token = 'q7dV3kP0xYz-AbCdEfGhIjKlMnOpQrStUvWxYz012_4';
    expect(matchRoute(setPasswordPath(token))).toEqual({ name: 'setPassword', token });
    expect(matchRoute(`/set-password/${token}/`)).toEqual({ name: 'setPassword', token });
    expect(matchRoute('/set-password/short')).toEqual({ name: 'notFound' });
    expect(matchRoute(`/set-password/${token}/extra`)).toEqual({ name: 'notFound' });
  });

  it('knows the account security page', () => {
    expect(matchRoute(securityPath())).toEqual({ name: 'security' });
    expect(matchRoute('/account/security/')).toEqual({ name: 'security' });
    expect(matchRoute('/account')).toEqual({ name: 'notFound' });
  });
});
