package lab.console.connect.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ObjectKeysTest {

    @Test
    void keyOfTheCourseExample() {
        assertEquals("topics/liga_sudoers.public.pessoas/year=2026/month=11/day=28/liga_sudoers.public.pessoas+0+0000000000000000042.jsonl",
                ObjectKeys.key("topics", "liga_sudoers.public.pessoas", "year=2026/month=11/day=28", 0, 42));
    }

    @Test
    void offsetsAreZeroPaddedTo19Digits() {
        assertEquals("t/p/t+3+0000000000000000000.jsonl", ObjectKeys.key("", "t", "p", 3, 0));
        assertEquals("t/p/t+3+9223372036854775807.jsonl", ObjectKeys.key("", "t", "p", 3, Long.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> ObjectKeys.key("", "t", "p", 3, -1));
    }

    @Test
    void topicsDirIsNormalized() {
        assertEquals("a/b/t/p/t+0+", ObjectKeys.prefix("/a/b/", "t", "p", 0));
        assertEquals("t/p/t+0+", ObjectKeys.prefix("/", "t", "p", 0));
        assertEquals("", ObjectKeys.normalizeDir(null));
    }

    @Test
    void confluentsJsonFormatNamesObjectsDotJson() {
        assertEquals("topics/t/year=2026/t+0+0000000000000000007.json", ObjectKeys.key(ObjectKeys.prefix("topics", "t", "year=2026", 0), 7, ".json"));
    }
}
