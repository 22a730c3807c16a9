// Hierarchical query keys of the topics area: invalidating a topic refreshes its message pages too.
export const topicsKeys = {
  all: ["topics"] as const,
  list: () => [...topicsKeys.all, "list"] as const,
  topic: (name: string) => [...topicsKeys.all, "topic", name] as const,
  messages: (name: string, query: string) => [...topicsKeys.topic(name), "messages", query] as const,
};

/** The topics list (offsets, lag) is refreshed this often while visible. */
export const TOPICS_REFRESH_MS = 5000;
