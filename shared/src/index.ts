export * from "./schemas/thread";
export * from "./schemas/flag";
export * from "./schemas/export";
export * from "./schemas/site-rule";
export * from "./schemas/removal-reason";
export * from "./schemas/report";
export * from "./report/index";
