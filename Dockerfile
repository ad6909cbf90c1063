# syntax=docker/dockerfile:1
# The gateway's image: both bundles are built here, once, so a container starts with plain node
# (no esbuild, no TypeScript compile), and only runtime dependencies are shipped.
# .ci/image-steps.sh repeats these steps without Docker: change the two together.

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
# dist/main.mjs (the gateway), dist/emulator.mjs (the emulator, for deploy/docker-compose.yml) and
# server/playground/dist (the playground, served only when GRAPHQL_PLAYGROUND=true).
RUN npm run build && npm run playground:build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-slim
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
# Owned by root and not writable by the process: nothing at run time writes next to the code.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/schema ./schema
COPY --from=build /app/dist ./dist
COPY --from=build /app/server/playground/dist ./server/playground/dist
# The node image's own unprivileged user (uid 1000).
USER node
EXPOSE 4000
CMD ["node", "--max-semi-space-size=8", "dist/main.mjs"]
