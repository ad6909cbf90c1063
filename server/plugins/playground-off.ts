// With the playground off (GRAPHQL_PLAYGROUND=false, the default when NODE_ENV=production), a
// browser opening the endpoint got Apollo's CSRF refusal as JSON, which tells a person nothing.
// This landing page says what is going on instead; programs still POST GraphQL as before.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/** Nothing to load, nothing to run: text, one inline stylesheet, an empty icon (no /favicon.ico). */
const contentSecurityPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'";

const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />
    <title>identity-gateway: the playground is off</title>
    <link rel="icon" href="data:," />
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 40em; margin: 3em auto; padding: 0 1em; }
      code { background: #f2f2f2; padding: 0 0.2em; }
    </style>
  </head>
  <body>
    <h1>The playground is off</h1>
    <p>
      This is the GraphQL endpoint of identity-gateway. Its browser playground is off here:
      <code>GRAPHQL_PLAYGROUND</code> is false, as it is by default when
      <code>NODE_ENV=production</code>.
    </p>
    <p>
      To turn it on, start the gateway with <code>GRAPHQL_PLAYGROUND=true</code> (and
      <code>GRAPHQL_INTROSPECTION=true</code> for the schema documentation it shows).
    </p>
    <p>Programs send GraphQL to this address with POST and <code>Content-Type: application/json</code>.</p>
  </body>
</html>
`;

/** An Apollo Server plugin whose landing page says the playground is off and how to turn it on. */
export function createPlaygroundOffPlugin<
  TContext extends BaseContext = BaseContext,
>(): ApolloServerPlugin<TContext> {
  return {
    serverWillStart() {
      return Promise.resolve({
        renderLandingPage: () => Promise.resolve({ html }),
      });
    },
  };
}
