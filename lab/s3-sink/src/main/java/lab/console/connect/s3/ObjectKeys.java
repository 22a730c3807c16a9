package lab.console.connect.s3;

/**
 * Object keys: {@code <topics.dir>/<topic>/<path>/<topic>+<partition>+<startOffset, 19 digits>.jsonl} (or
 * {@code .json} when the config names Confluent's {@code format.class} JsonFormat, as Confluent's sink does).
 *
 * <p>The key depends only on the topic-partition, the partition path and the first offset of the object,
 * so re-sinking the same offsets (after a task failure or an offsets reset) overwrites the same objects
 * instead of adding duplicates next to them. The zero padding keeps a plain lexicographic listing in
 * offset order.
 */
public final class ObjectKeys {

    public static final String EXTENSION = ".jsonl";
    /** The extension of Confluent's JsonFormat (its content is JSON lines too). */
    public static final String JSON_EXTENSION = ".json";

    private ObjectKeys() {}

    public static String key(String topicsDir, String topic, String partitionPath, int partition, long startOffset) {
        return key(prefix(topicsDir, topic, partitionPath, partition), startOffset);
    }

    /** Everything before the start offset: {@code <topics.dir>/<topic>/<path>/<topic>+<partition>+}. */
    public static String prefix(String topicsDir, String topic, String partitionPath, int partition) {
        String dir = normalizeDir(topicsDir);
        StringBuilder p = new StringBuilder(96);
        if (!dir.isEmpty()) p.append(dir).append('/');
        p.append(topic).append('/');
        if (!partitionPath.isEmpty()) p.append(partitionPath).append('/');
        return p.append(topic).append('+').append(partition).append('+').toString();
    }

    public static String key(String prefix, long startOffset) {
        return key(prefix, startOffset, EXTENSION);
    }

    public static String key(String prefix, long startOffset, String extension) {
        if (startOffset < 0) throw new IllegalArgumentException("negative start offset: " + startOffset);
        String digits = Long.toString(startOffset);
        StringBuilder key = new StringBuilder(prefix.length() + 19 + extension.length()).append(prefix);
        for (int i = digits.length(); i < 19; i++) key.append('0');
        return key.append(digits).append(extension).toString();
    }

    /** Strips leading and trailing slashes: {@code "/topics/"} → {@code "topics"}, {@code "/"} → {@code ""}. */
    public static String normalizeDir(String dir) {
        if (dir == null) return "";
        int start = 0;
        int end = dir.length();
        while (start < end && dir.charAt(start) == '/') start++;
        while (end > start && dir.charAt(end - 1) == '/') end--;
        return dir.substring(start, end);
    }
}
