/**
 * Contender: naive Apollo (naive-apollo.ts) with undici's Pool instead of got. A reference row,
 * not in a default run: the CPU floor of Apollo Server 5 + undici with none of the gateway's
 * features, to read the gateway's own cost against.
 */
import { naiveApollo } from './naive-apollo.js';
import { undiciHttp } from './naive-http.js';

export const contender = naiveApollo('naive-apollo-undici', 'undici', undiciHttp);
