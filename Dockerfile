# syntax=docker/dockerfile:1
# java-judge: webhook server + workers. GPU hosts: `docker run --gpus all ...` (CUDA runtime below).
# Node 24 (the current LTS); the code also runs on Node 20 and 22.

# 1. Dependencies (node-llama-cpp fetches its prebuilt CUDA binaries at install time).
FROM node:24-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ git ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts=false

# 2. Runtime: CUDA runtime libraries for node-llama-cpp's CUDA build; falls back to CPU without a GPU.
FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04 AS runtime
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates git \
    && curl -fsSL https://deb.nodesource.com/setup_24.x | bash - \
    && apt-get install -y --no-install-recommends nodejs \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 judge
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json app.yml ./
COPY bin ./bin
COPY src ./src
COPY models ./models
RUN mkdir -p /models /data && chown judge:judge /models /data
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    MODELS_DIR=/models \
    DATABASE_URL=sqlite:/data/java-judge.db \
    LLAMA_GPU=auto \
    WORKERS=1
VOLUME ["/models", "/data"]
USER judge
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://127.0.0.1:3000/healthz || exit 1
ENTRYPOINT ["node", "bin/java-judge.js"]
CMD ["serve"]
