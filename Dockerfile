FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
# npm start builds the client when it is missing, migrates, seeds an empty database, then serves.
CMD ["npm", "start"]
