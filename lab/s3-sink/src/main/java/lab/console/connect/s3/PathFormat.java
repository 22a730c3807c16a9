package lab.console.connect.s3;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The time-based partition path of an object key, written like the Joda patterns of Confluent's
 * TimeBasedPartitioner: {@code 'year'=YYYY/'month'=MM/'day'=dd}.
 *
 * <p>Supported tokens: {@code YYYY} (or {@code yyyy}) year, {@code MM} month, {@code dd} day of month,
 * {@code HH} hour of day (00–23). Text in single quotes is literal ({@code ''} is one quote). Any other
 * letter is rejected so that a typo such as {@code mm} or {@code DD} fails validation instead of silently
 * producing a wrong lake layout. Other characters ({@code / = - _ .}) are copied as they are.
 */
public final class PathFormat {

    private enum Field { YEAR, MONTH, DAY, HOUR }

    private sealed interface Part permits Literal, Token {}

    private record Literal(String text) implements Part {}

    private record Token(Field field) implements Part {}

    private final String pattern;
    private final List<Part> parts;

    private PathFormat(String pattern, List<Part> parts) {
        this.pattern = pattern;
        this.parts = List.copyOf(parts);
    }

    /** Parses a pattern; throws {@link IllegalArgumentException} with a message fit for a config error. */
    public static PathFormat compile(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isBlank()) {
            throw new IllegalArgumentException("the path format is empty; use e.g. 'year'=YYYY/'month'=MM/'day'=dd");
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                if (i + 1 < n && pattern.charAt(i + 1) == '\'') { // '' outside a quoted run = one quote
                    literal.append('\'');
                    i += 2;
                    continue;
                }
                int j = i + 1;
                boolean closed = false;
                while (j < n) {
                    char q = pattern.charAt(j);
                    if (q == '\'') {
                        if (j + 1 < n && pattern.charAt(j + 1) == '\'') {
                            literal.append('\'');
                            j += 2;
                            continue;
                        }
                        closed = true;
                        break;
                    }
                    literal.append(q);
                    j++;
                }
                if (!closed) {
                    throw new IllegalArgumentException("unterminated quoted literal starting at position " + i + " in '" + pattern + "'");
                }
                i = j + 1;
            } else if (isAsciiLetter(c)) {
                int j = i;
                while (j < n && pattern.charAt(j) == c) j++;
                String run = pattern.substring(i, j);
                Field field = switch (run) {
                    case "YYYY", "yyyy" -> Field.YEAR;
                    case "MM" -> Field.MONTH;
                    case "dd" -> Field.DAY;
                    case "HH" -> Field.HOUR;
                    default -> throw new IllegalArgumentException("unsupported token '" + run + "' at position " + i
                            + " in '" + pattern + "'; supported: YYYY, MM, dd, HH (quote literal text, e.g. 'year'=YYYY)");
                };
                if (literal.length() > 0) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(new Token(field));
                i = j;
            } else {
                if (c == '\\') {
                    throw new IllegalArgumentException("backslashes are not allowed in an object key path: '" + pattern + "'");
                }
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) parts.add(new Literal(literal.toString()));
        if (parts.stream().noneMatch(p -> p instanceof Token)) {
            throw new IllegalArgumentException("'" + pattern + "' has no date token (YYYY, MM, dd, HH); quoted text is literal");
        }
        String sample = new PathFormat(pattern, parts).format(Instant.EPOCH, ZoneId.of("UTC"));
        if (sample.startsWith("/") || sample.endsWith("/") || sample.contains("//")) {
            throw new IllegalArgumentException("'" + pattern + "' would produce empty path segments (leading, trailing or double '/')");
        }
        return new PathFormat(pattern, parts);
    }

    /** The partition path of an instant in the given time zone, e.g. {@code year=2026/month=11/day=28}. */
    public String format(Instant instant, ZoneId zone) {
        ZonedDateTime t = instant.atZone(zone);
        StringBuilder out = new StringBuilder(32);
        for (Part part : parts) {
            if (part instanceof Literal l) {
                out.append(l.text());
            } else if (part instanceof Token tk) {
                switch (tk.field()) {
                    case YEAR -> pad(out, t.getYear(), 4);
                    case MONTH -> pad(out, t.getMonthValue(), 2);
                    case DAY -> pad(out, t.getDayOfMonth(), 2);
                    case HOUR -> pad(out, t.getHour(), 2);
                    default -> throw new IllegalStateException(tk.field().name());
                }
            }
        }
        return out.toString();
    }

    public String pattern() {
        return pattern;
    }

    private static void pad(StringBuilder out, int value, int width) {
        String s = Integer.toString(value);
        for (int k = s.length(); k < width; k++) out.append('0');
        out.append(s);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    @Override
    public String toString() {
        return pattern;
    }
}
