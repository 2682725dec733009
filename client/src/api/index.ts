export { ApiError, type ApiIssue } from "./api-error";
export { apiUrl, requestJson } from "./http";
export * from "./types";
export * from "./rule-types";
