// The playground's browser entry, bundled by build.ts into dist/playground.js. Everything GraphiQL
// needs (editors, fonts, icons) is in the bundle, so the page asks nothing of any host but the
// gateway: it works on networks that block CDNs.
import 'graphiql/style.css';
import './page.css';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { playgroundExamples } from './examples.js';

type Fetcher = GraphiQLProps['fetcher'];

/** Data attributes the server writes on the mount point (see server/plugins/playground.ts). */
interface PageConfig {
  graphqlPath: string;
  title: string;
}

function readPageConfig(root: HTMLElement): PageConfig {
  return {
    graphqlPath: root.dataset.graphqlPath ?? '/graphql',
    title: root.dataset.title ?? 'identity-gateway',
  };
}

/**
 * POSTs to the gateway on this page's origin. `Content-Type: application/json` is what lets the
 * request through Apollo's CSRF prevention, so it is set after the user's headers and a header
 * typed in the headers pane cannot drop it.
 */
function createFetcher(graphqlPath: string): Fetcher {
  const url = new URL(graphqlPath, window.location.href).toString();
  return async (params, options) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(options?.headers ?? {})) {
      if (value !== undefined && value !== null) headers.set(name, String(value));
    }
    headers.set('content-type', 'application/json');
    headers.set('accept', 'application/graphql-response+json, application/json');
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(params),
      credentials: 'same-origin',
    });
    const text = await response.text();
    try {
      return JSON.parse(text) as ExecutionResult;
    } catch {
      // Not GraphQL (a proxy's error page, a body-size limit): show it rather than a parse error.
      return { errors: [new GraphQLError(`HTTP ${response.status}: ${text.slice(0, 2000)}`)] };
    }
  };
}

const defaultTabs = playgroundExamples.map((example) => ({
  query: example.query,
  variables: example.variables ? JSON.stringify(example.variables, null, 2) : undefined,
}));

const root = document.getElementById('playground');
if (!root) throw new Error('playground: no #playground element on the page');
const config = readPageConfig(root);

createRoot(root).render(
  <StrictMode>
    <GraphiQL
      fetcher={createFetcher(config.graphqlPath)}
      defaultTabs={defaultTabs}
      isHeadersEditorEnabled
      shouldPersistHeaders={false}
      defaultEditorToolsVisibility="variables"
    >
      <GraphiQL.Logo>{config.title}</GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);
