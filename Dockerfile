# syntax=docker/dockerfile:1
#
# Daogang images, one Dockerfile, several targets (docker-compose.yml picks them):
#   runtime  API, worker and the one-shot migrate service (same image, different command)
#   web      nginx serving the built SPA and proxying /api to the api service
#
#   docker build --target runtime -t daogang-app .
#   docker build --target web     -t daogang-web .
#
# Node runs on Debian (glibc): @node-rs/* and roaring ship prebuilt linux-x64-gnu binaries; do not switch to alpine.
# Behind a slow or blocked registry: --build-arg NPM_CONFIG_REGISTRY=https://registry.npmmirror.com/

ARG NODE_IMAGE=node:20-bookworm-slim
ARG NGINX_IMAGE=nginx:1.27.5-alpine

# ---- deps: every dependency (dev included), from the lockfile ----------------------------------
FROM ${NODE_IMAGE} AS deps
# Toolchain only for the fallback: roaring downloads a prebuilt binary from GitHub and compiles if that fails.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ARG NPM_CONFIG_REGISTRY=https://registry.npmjs.org/
ENV NPM_CONFIG_REGISTRY=${NPM_CONFIG_REGISTRY} \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci

# ---- build: server (tsc → dist/) and web (vite → apps/web/dist) --------------------------------
FROM deps AS build
COPY . .
RUN npm run build:server && npm run build:web

# ---- prod-deps: the same node_modules without devDependencies (native binaries kept) -----------
FROM deps AS prod-deps
RUN npm prune --omit=dev && npm cache clean --force

# ---- web: static SPA + reverse proxy to the API ------------------------------------------------
FROM ${NGINX_IMAGE} AS web
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
EXPOSE 80

# ---- runtime: api (default command), worker and migrate ----------------------------------------
# Last stage, so a plain `docker build .` produces the API image.
FROM ${NODE_IMAGE} AS runtime
# NO_COLOR: plain Nest log lines (no ANSI escapes) in `docker compose logs` and log collectors.
ENV NODE_ENV=production \
    NO_COLOR=1
WORKDIR /app
# Code and dependencies belong to root and are read-only for the process, which runs as `node` (uid 1000).
COPY package.json package-lock.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000 3001
# Exec form: node is the process that receives SIGTERM (Nest shutdown hooks drain the API / let running jobs finish).
CMD ["node", "dist/apps/api/src/main.js"]
