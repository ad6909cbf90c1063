import { errors as joseErrors } from 'jose';
import type { GraphQLError } from 'graphql';
import { keySetUnavailable, unauthenticated } from './errors.js';

/**
 * What a refusal by jose means, in words after "Invalid token: ", by jose's error code (which
 * goes in `extensions.reason`). None of them holds anything from the token or the key.
 */
const TOKEN_PROBLEMS: Record<string, string> = {
  [joseErrors.JWTExpired.code]: 'it has expired (its "exp" time has passed)',
  [joseErrors.JWSSignatureVerificationFailed.code]:
    "the token's signature does not match: it was signed with another key, or changed since",
  [joseErrors.JWSInvalid.code]:
    'it is not a well-formed JWT (header.payload.signature, each base64url)',
  [joseErrors.JWTInvalid.code]: 'its payload is not a JSON object of claims',
  [joseErrors.JOSEAlgNotAllowed.code]: 'its algorithm ("alg") is not one this gateway accepts',
  [joseErrors.JOSENotSupported.code]:
    'it uses an algorithm ("alg") or a header this gateway does not support',
  [joseErrors.JWKSNoMatchingKey.code]:
    'no key of the key set it is checked against matches its "kid" and "alg"',
  [joseErrors.JWKSMultipleMatchingKeys.code]:
    'several keys of the key set it is checked against match it: it needs a "kid"',
};

/** A failed claim check (jose's `claim` and `reason`), in words. */
function claimProblem(error: InstanceType<typeof joseErrors.JWTClaimValidationFailed>): string {
  const claim = JSON.stringify(error.claim);
  if (error.reason === 'missing') return `it has no ${claim} claim, which this gateway requires`;
  if (error.reason === 'invalid') return `its ${claim} claim is not of the right type`;
  switch (error.claim) {
    case 'nbf':
      return 'it is not valid yet (its "nbf" time is still to come)';
    case 'iat':
      return 'its "iat" (issued at) time is not acceptable';
    case 'iss':
      return 'it comes from another issuer ("iss") than the one this gateway trusts';
    case 'aud':
      return 'it is meant for another audience ("aud") than this gateway';
    default:
      return `its ${claim} claim does not have the value this gateway expects`;
  }
}

/**
 * The refusal a token verification failure becomes. The key set being out of reach (JWKS not
 * answering, answering non-200 or not a key set) is the gateway's trouble, not the token's: 503.
 */
export function tokenRefusal(error: unknown, usesKeySet: boolean): GraphQLError {
  // Every jose error code starts with ERR_ (jose's util/errors.js).
  const reason =
    error instanceof joseErrors.JOSEError ? (error.code as `ERR_${string}`) : undefined;
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return unauthenticated(`Invalid token: ${claimProblem(error)}`, reason!, {
      claim: error.claim,
    });
  }
  const problem = reason === undefined ? undefined : TOKEN_PROBLEMS[reason];
  if (problem !== undefined) return unauthenticated(`Invalid token: ${problem}`, reason!);
  if (usesKeySet) {
    return keySetUnavailable(
      'The token cannot be checked now: the key set (JWKS) it is checked against could not be fetched; try again later',
      reason ?? 'JWKS_UNREACHABLE',
      error,
    );
  }
  return unauthenticated('Invalid token: it could not be verified', reason ?? 'TOKEN_UNVERIFIABLE');
}
