# syntax=docker/dockerfile:1
# Sluice gateway image: build with dev dependencies, run with production ones only.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    SLUICE_CONFIG=/app/config/gateway.yaml
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
COPY --chown=node:node bin ./bin
COPY --chown=node:node scripts/build-if-needed.js ./scripts/build-if-needed.js
COPY --chown=node:node config ./config
COPY --chown=node:node docker/healthcheck.mjs ./docker/healthcheck.mjs
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 CMD ["node", "docker/healthcheck.mjs"]
# Node is PID 1's child via the image's tini-less default; SIGTERM drains, SIGHUP reloads config.
STOPSIGNAL SIGTERM
# A young generation of 2 × 8 MB (see README, Running in production).
CMD ["node", "--max-semi-space-size=8", "dist/server.js"]
