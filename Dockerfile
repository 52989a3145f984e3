# One image for every service of docker-compose.yml (each service runs its own command in it).
#   docker build -t attribution-explorer .
# Stages: deps (npm ci, cached while the lockfile is unchanged) -> app (sources, explorer build).

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# onnxruntime-node's CUDA provider is not downloaded at install time (see the README for the GPU path).
ENV ONNXRUNTIME_NODE_INSTALL=skip
COPY package.json package-lock.json .npmrc ./
COPY core/package.json core/
COPY contracts/package.json contracts/
COPY attribution-replay/package.json attribution-replay/
COPY devnet/package.json devnet/
COPY indexer/package.json indexer/
COPY api/package.json api/
COPY explorer/package.json explorer/
COPY testkit/package.json testkit/
RUN npm ci --no-audit --no-fund

FROM deps AS app
COPY . .
# Services run compiled JavaScript (tsc -b; the ae-compiled export condition picks dist/), and the explorer
# its production build: building here keeps containers from compiling at start.
RUN npm run build:ts && npm run build -w explorer
ENV NODE_ENV=production \
    DATA_DIR=/data \
    EXPLORER_SKIP_BUILD=1
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# docker-compose.yml gives each service its command; alone, the image prints the launcher's help.
CMD ["node", "--conditions=ae-compiled", "scripts/dist/start.js", "--help"]
