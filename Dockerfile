# syntax=docker/dockerfile:1
#
# Midad in a container: the standalone server of a production build, run by Node alone as an
# unprivileged user. Usage, the settings and a compose file with PostgreSQL, Redis, Varnish and
# object storage: docs/operations.md (Containers) and compose.yaml.
#
#   docker build --build-arg SITE_URL=https://news.example.org -t midad .
#   docker run --rm -e DATABASE_URL=… midad migrate                    # the migration job
#   docker run -e AUTH_SECRET=… -e SITE_URL=… -e DATABASE_URL=… -p 3000:3000 midad start --no-migrate
#
# The commands are those of the standalone server CI starts (e2e/standalone.spec.ts):
# `npm run build && npm run standalone`, then `node midad.cjs migrate` and `node midad.cjs start`.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- Dependencies, from the lockfile alone so this layer is reused until it changes -----------
FROM ${NODE_IMAGE} AS deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# --- The build: next build, then the standalone server completed by npm run standalone --------
FROM deps AS build
# Response headers (HSTS among them) are fixed by the build: the same SITE_URL as at run time.
ARG SITE_URL=http://localhost:3000
# One id for every node of this build (Next's deploymentId), e.g. the release's commit.
ARG NEXT_DEPLOYMENT_ID=
ENV SITE_URL=${SITE_URL} NEXT_DEPLOYMENT_ID=${NEXT_DEPLOYMENT_ID} NEXT_TELEMETRY_DISABLED=1
COPY . .
# The key that encrypts server actions' bound data is made by the build; pass your own as a build
# secret (id server_actions_key) so that every build of a release, and its nodes, share it.
RUN --mount=type=secret,id=server_actions_key,required=false \
    if [ -s /run/secrets/server_actions_key ]; then \
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY="$(cat /run/secrets/server_actions_key)"; export NEXT_SERVER_ACTIONS_ENCRYPTION_KEY; \
    fi; \
    npm run build && npm run standalone

# --- What runs: the standalone directory and Node, nothing else --------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 \
    PGLITE_DIR=/data/pglite MEDIA_DIR=/data/media
WORKDIR /app
# The image's own unprivileged user (uid 1000); /data holds the embedded database and uploads
# when those are used (mount a volume there), and is the only place it may write.
RUN mkdir -p /data && chown node:node /data
COPY --from=build --chown=root:root /src/.next/standalone ./
# The server's files stay read-only to it but for Next's cache directory.
RUN mkdir -p .next/cache && chown node:node .next/cache
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "midad.cjs"]
# Listening on every interface of the container, on PORT.
CMD ["start", "--hostname", "0.0.0.0"]
