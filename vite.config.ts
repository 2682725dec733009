/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// One config for the client build (root: client/) and for vitest (tests beside the code in every workspace).
export default defineConfig({
  root: "client",
  plugins: [react()],
  build: { outDir: "../dist/client", emptyOutDir: true },
  server: { proxy: { "/api": "http://localhost:8080" } },
  test: {
    root: ".",
    include: ["shared/src/**/*.test.ts", "server/src/**/*.test.ts", "client/src/**/*.test.{ts,tsx}"],
    environment: "node",
    pool: "forks",
    testTimeout: 20000,
  },
});
