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
    // `_` stays: nothing attests `_5F`, and escaping it would double every join of such an identity.
    ['agent_jsmith', 'agent_jsmith'],
    ['jo_ann.veal@x.com', 'jo_ann_2Eveal_40x_2Ecom'],
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
    ['jo_ann_2Eveal_40x_2Ecom', 'jo_ann.veal@x.com'],
    ['zo_C3_AB_40x', 'zoë@x'],
    // An `_` that starts no escape flexEscape writes is a literal `_`.
    ['a__40b', 'a_@b'],
    ['a_5F_2Eb', 'a_5F.b'],
  ])('reads %j back as %j', (escaped, identity) => {
    expect(flexUnescape(escaped)).toBe(identity);
  });

  it.each([
    ['no escape at all', 'plain42'],
    ['a plain underscore', 'agent_jsmith'],
    ['an escape of a character flexEscape keeps', 'agent_5Fjsmith'],
    ['an escape of a letter', 'x_41'],
    ['lower-case hex', 'ann_2eveal'],
    ['a cut-off escape', 'ann_2'],
    ['bytes that are not UTF-8', 'a_C3'],
    ['a character escaping leaves alone', 'ann_2Eveal.x'],
  ])('is null for %s', (_what, identity) => {
    expect(flexUnescape(identity)).toBeNull();
  });

  it('undoes flexEscape for any identity without a literal escape in it', () => {
    for (const identity of ['a.b@c', 'x_y', 'ünï+cödé@host', '%41', '__', 'a_5Fb', 'jo_ann.x']) {
      expect(flexUnescape(flexEscape(identity)) ?? identity).toBe(identity);
    }
  });

  it('reads an identity that holds an escape literally as escaped (the price of leaving _ alone)', () => {
    expect(flexEscape('a_2Eb')).toBe('a_2Eb');
    expect(flexUnescape('a_2Eb')).toBe('a.b');
    // Which is why both forms are asked for and identityForm says which one matched.
    expect(identityForm('a_2Eb', 'a_2Eb')).toBe('EXACT');
  });

  it('answers a form that flexEscape gives back unchanged', () => {
    for (const escaped of ['ann_2Eveal_40x_2Ecom', 'a__40b', 'a_5F_2Eb', 'zo_C3_AB_40x', '_2E_']) {
      const identity = flexUnescape(escaped);
      expect(identity).not.toBeNull();
      expect(flexEscape(identity ?? '')).toBe(escaped);
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
    // No second lookup for an underscore: `agent_5Fjsmith` is never asked for.
    expect(alternateIdentity('agent_jsmith')).toBeNull();
    expect(alternateIdentity('agent_5Fjsmith')).toBeNull();
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
