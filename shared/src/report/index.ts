// Report helpers without zod, so the dashboard bundle can import them cheaply.
export * from "./chart-layout";
export * from "./labels";
