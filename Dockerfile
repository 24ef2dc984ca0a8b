# bedrock-emulator as a container (issue 9): docker build -t bedrock-emulator . && docker run -p 4010:4010 bedrock-emulator
# Inside the container the emulator binds 0.0.0.0 (not the bin's default 127.0.0.1), so that the
# published port reaches it. Tested without Docker by emulator/docker.test.ts, which runs these steps
# in a clean folder.

# Build: the full dev install, the build (tsc, the bin bundle and its V8 code cache), then the
# package exactly as npm would publish it.
FROM node:20-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build && npm pack --ignore-scripts --pack-destination /tmp && mv /tmp/bedrock-emulator-*.tgz /tmp/bedrock-emulator.tgz

# Run: the packed files and their production dependencies only, as the unprivileged `node` user.
FROM node:20-slim
WORKDIR /app
COPY --from=build /tmp/bedrock-emulator.tgz /tmp/bedrock-emulator.tgz
COPY --from=build /src/package-lock.json /app/package-lock.json
RUN tar -xzf /tmp/bedrock-emulator.tgz --strip-components=1 -C /app && rm /tmp/bedrock-emulator.tgz \
 && npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force \
 && chown -R root:root /app
USER node
ENV NODE_ENV=production BEDROCK_EMULATOR_HOST=0.0.0.0 BEDROCK_EMULATOR_PORT=4010
EXPOSE 4010
# GET /_emulator/health answers 200 once the emulator is ready. Node has fetch; the slim image has no curl.
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.BEDROCK_EMULATOR_PORT||4010)+'/_emulator/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The bin is PID 1 and handles SIGTERM/SIGINT itself: `docker stop` shuts it down at once.
ENTRYPOINT ["node", "/app/dist/bin/cli.cjs"]
