import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiUrl, requestJson, type ApiError } from "../../api";

/** What the server stored from one uploaded file, per thread in it. */
export interface ImportedThread {
  id: string;
  title: string;
  /** The format detected from the content (csv, reddit-json, text-page…). */
  format: string;
  comments: number;
  flagged: number;
}

/** Uploads one file to POST /api/imports; the new threads then appear in the queue. */
export function useImportFile() {
  const queryClient = useQueryClient();
  return useMutation<ImportedThread[], ApiError, File>({
    mutationFn: async (file) =>
      (await requestJson<{ threads: ImportedThread[] }>(apiUrl("imports", { name: file.name }), { method: "POST", body: file })).threads,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["queue"] }),
  });
}
