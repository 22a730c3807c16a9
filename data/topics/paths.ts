/** A topic name as a path segment of the topics API (Kafka names are URL-safe, but encode anyway). */
export const topicPath = (name: string) => `/api/topics/${encodeURIComponent(name)}`;
