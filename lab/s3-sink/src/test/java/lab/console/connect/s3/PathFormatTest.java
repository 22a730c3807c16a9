package lab.console.connect.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class PathFormatTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Instant T = Instant.parse("2026-11-28T01:02:03Z");

    @Test
    void defaultPatternGivesDailyHiveStyleFolders() {
        PathFormat f = PathFormat.compile(S3SinkConfig.DEFAULT_PATH_FORMAT);
        assertEquals("year=2026/month=11/day=28", f.format(T, UTC));
    }

    @Test
    void hourAndLowercaseYearAndPadding() {
        PathFormat f = PathFormat.compile("yyyy-MM-dd/'hour'=HH");
        assertEquals("0987-01-05/hour=07", f.format(Instant.parse("0987-01-05T07:00:00Z"), UTC));
    }

    @Test
    void timeZoneShiftsTheDay() {
        PathFormat f = PathFormat.compile("YYYY/MM/dd/HH");
        assertEquals("2026/11/27/22", f.format(T, ZoneId.of("America/Sao_Paulo")));
    }

    @Test
    void quotedLiteralsKeepLettersAndDoubledQuotes() {
        assertEquals("dt=2026'11", PathFormat.compile("'dt'=YYYY''MM").format(T, UTC));
        assertEquals("it's=28", PathFormat.compile("'it''s'=dd").format(T, UTC));
    }

    @Test
    void rejectsUnknownTokensWithTheirPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PathFormat.compile("year=YYYY/month=MM"));
        assertTrue(e.getMessage().contains("'y'") || e.getMessage().contains("unsupported token"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PathFormat.compile("YYYY/mm"));
        assertThrows(IllegalArgumentException.class, () -> PathFormat.compile("YYY/MM"));
        assertThrows(IllegalArgumentException.class, () -> PathFormat.compile("YYYY/DD"));
    }

    @Test
    void rejectsMalformedPatterns() {
        assertThrows(IllegalArgumentException.class, () -> PathFormat.compile(""));
        assertThrows(IllegalArgumentException.class, () -> PathFormat.compile("'year=YYYY"));
        assertThrows(IllegalArgumentException.class, () -> PathFormat.compile("'no tokens'"));
        assertThrows(IllegalArgumentException.class, () -> PathFormat.compile("/YYYY"));
        assertThrows(IllegalArgumentException.class, () -> PathFormat.compile("YYYY//MM"));
        assertThrows(IllegalArgumentException.class, () -> PathFormat.compile("YYYY/MM/"));
        assertThrows(IllegalArgumentException.class, () -> PathFormat.compile("YYYY\\MM"));
    }
}
