import { describe, expect, it } from 'vitest';
import {
  alternateIdentity,
  flexEscape,
  flexUnescape,
  identityForm,
} from '../../resolvers/flex-identity.js';

describe('flexEscape', () => {
  it.each([
    // Twilio's support article on the worker contact_uri: client:ann_2Eveal_40arresteddevelopment_2Ecom
    ['ann.veal@arresteddevelopment.com', 'ann_2Eveal_40arresteddevelopment_2Ecom'],
    ['agent_jsmith', 'agent_5Fjsmith'],
    ['desk+murphy@owlbank.example', 'desk_2Bmurphy_40owlbank_2Eexample'],
    ['mary-jane@x.io', 'mary_2Djane_40x_2Eio'],
    ['plain42', 'plain42'],
    // Non-ASCII: each UTF-8 byte.
    ['zoë@x', 'zo_C3_AB_40x'],
    ['a b', 'a_20b'],
  ])('escapes %j as %j', (identity, escaped) => {
    expect(flexEscape(identity)).toBe(escaped);
  });
});

describe('flexUnescape', () => {
  it.each([
    ['ann_2Eveal_40arresteddevelopment_2Ecom', 'ann.veal@arresteddevelopment.com'],
    ['agent_5Fjsmith', 'agent_jsmith'],
    ['zo_C3_AB_40x', 'zoë@x'],
  ])('reads %j back as %j', (escaped, identity) => {
    expect(flexUnescape(escaped)).toBe(identity);
  });

  it.each([
    ['no escape at all', 'plain42'],
    ['a stray underscore', 'agent_jsmith'],
    ['lower-case hex', 'ann_2eveal'],
    ['a cut-off escape', 'ann_2'],
    ['bytes that are not UTF-8', 'a_C3'],
    ['a character escaping leaves alone', 'ann_2Eveal.x'],
  ])('is null for %s', (_what, identity) => {
    expect(flexUnescape(identity)).toBeNull();
  });

  it('undoes flexEscape for any identity', () => {
    for (const identity of ['a.b@c', 'x_y', '_2E', 'ünï+cödé@host', '%41', '__', 'a_5Fb']) {
      expect(flexUnescape(flexEscape(identity)) ?? identity).toBe(identity);
    }
  });
});

describe('alternateIdentity', () => {
  it('is the escaped form of a plain identity and the plain form of an escaped one', () => {
    expect(alternateIdentity('ann.veal@x.com')).toBe('ann_2Eveal_40x_2Ecom');
    expect(alternateIdentity('ann_2Eveal_40x_2Ecom')).toBe('ann.veal@x.com');
  });

  it('is null when the identity has nothing to escape', () => {
    expect(alternateIdentity('plain42')).toBeNull();
  });
});

describe('identityForm', () => {
  it.each([
    ['ann.veal@x.com', 'ann.veal@x.com', 'EXACT'],
    ['ann.veal@x.com', 'ann_2Eveal_40x_2Ecom', 'FLEX_ESCAPED'],
    ['ann_2Eveal_40x_2Ecom', 'ann.veal@x.com', 'FLEX_UNESCAPED'],
    ['ann.veal@x.com', 'someone.else', 'LINKED'],
  ])('says how %j relates to %j: %s', (person, record, form) => {
    expect(identityForm(person, record)).toBe(form);
  });
});
