import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../i18n/resources';
import { conductErrorCode, proxyErrorCode } from './conduct-error-code';

describe('conductErrorCode', () => {
  it('words the refusals only a conductor meets, and leaves the rest to the live page', () => {
    expect(conductErrorCode('floor_taken')).toBe('floor_taken');
    expect(conductErrorCode('vote_in_progress')).toBe('vote_in_progress');
    expect(conductErrorCode('sitting_not_open')).toBeNull();
    expect(conductErrorCode('something_new')).toBeNull();
  });

  it('has words for every code it knows', () => {
    for (const code of Object.keys(MESSAGES.en.conduct.errors)) {
      expect(conductErrorCode(code)).toBe(code);
    }
  });
});

describe('proxyErrorCode', () => {
  it('words a refused ballot entered for a member about the member', () => {
    expect(proxyErrorCode('already_voted')).toBe('already_voted');
    expect(proxyErrorCode('proxy_not_allowed')).toBe('proxy_not_allowed');
    expect(proxyErrorCode('sitting_not_open')).toBeNull();
    for (const code of Object.keys(MESSAGES.en.conduct.proxy.errors)) {
      expect(proxyErrorCode(code)).toBe(code);
    }
  });
});
