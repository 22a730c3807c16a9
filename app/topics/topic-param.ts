import { topicNameIssue, type TopicNameIssue } from "@/lib/kafka/shared/topic-name";

/** The [topic] segment as a topic name, and which naming rule it breaks (if any). */
export async function topicFromParams(params: Promise<{ topic: string }>): Promise<{ topic: string; issue: TopicNameIssue | null }> {
  const raw = (await params).topic;
  let topic = raw;
  try {
    topic = decodeURIComponent(raw);
  } catch {
    // keep it as it came: the naming rules below will reject it
  }
  return { topic, issue: topicNameIssue(topic) };
}
